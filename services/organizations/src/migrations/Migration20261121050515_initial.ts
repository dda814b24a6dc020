import { Migration } from '@mikro-orm/migrations';

export class Migration20261121050515_initial extends Migration {
  override name = 'Migration20261121050515_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "organizations"."party_organization" ("id" uuid not null, "name" text not null, "level" text not null, "region_code" varchar(12) not null, "established_on" date not null, "dissolved_on" date null, primary key ("id"));`,
    );
    this.addSql(
      `create index "party_organization_region_code_index" on "organizations"."party_organization" ("region_code");`,
    );

    this.addSql(
      `alter table "organizations"."party_organization" add constraint "party_organization_level_check" check ("level" in ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'));`,
    );
    this.addSql(`alter table "organizations"."party_organization" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."party_organization" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organizations"."party_organization" cascade;`);
  }
}
