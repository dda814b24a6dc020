import { Migration } from '@mikro-orm/migrations';

export class Migration20261121050519_initial extends Migration {
  override name = 'Migration20261121050519_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "assessments"."inspection" ("id" uuid not null, "region_code" varchar(12) not null, "inspected_on" date not null, "findings" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "inspection_region_code_index" on "assessments"."inspection" ("region_code");`);

    this.addSql(`alter table "assessments"."inspection" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "assessments"."inspection" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "assessments"."inspection" cascade;`);
  }
}
