import { Migration } from '@mikro-orm/migrations';

export class Migration20261121052215_market_entities extends Migration {
  override name = 'Migration20261121052215_market_entities';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."market_entity" ("id" uuid not null, "kind" text not null, "name" text not null, "credit_code" varchar(18) null, "region_code" varchar(12) collate "C" not null, "industry" text null, "address" text null, "market_id" uuid null, "status" text not null, "status_since" date not null, "registered_on" date not null, "last_change_on" date not null, "employees" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "registry"."market_entity" add constraint "market_entity_credit_code_unique" unique ("credit_code");`,
    );
    this.addSql(`create index "market_entity_region_code_index" on "registry"."market_entity" ("region_code");`);
    this.addSql(`create index "market_entity_market_id_index" on "registry"."market_entity" ("market_id");`);

    this.addSql(
      `alter table "registry"."market_entity" add constraint "market_entity_kind_check" check ("kind" in ('SMALL_MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'MARKET_OPERATOR'));`,
    );
    this.addSql(
      `alter table "registry"."market_entity" add constraint "market_entity_status_check" check ("status" in ('OPERATING', 'SUSPENDED', 'DEREGISTERED'));`,
    );
    this.addSql(`alter table "registry"."market_entity" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."market_entity" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."market_entity" cascade;`);
  }
}
