import { Migration } from '@mikro-orm/migrations';

export class Migration20261121052215_market_entities extends Migration {
  override name = 'Migration20261121052215_market_entities';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."fact_version" ("id" uuid not null, "subject_type" varchar(40) not null, "subject_id" uuid not null, "region_code" varchar(12) collate "C" not null, "valid_from" date not null, "valid_to" date null, "state" jsonb not null, "reason" varchar(40) not null, "recorded_at" timestamptz not null, "recorded_by" text not null, "superseded_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "fact_version_subject_index" on "registry"."fact_version" ("subject_id");`);
    this.addSql(`create index "fact_version_region_code_index" on "registry"."fact_version" ("region_code");`);

    this.addSql(
      `create table "registry"."figure_delta" ("township_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "day" date not null, "delta" int not null, primary key ("township_code", "metric", "day"));`,
    );

    this.addSql(
      `create table "registry"."market_entity" ("id" uuid not null, "kind" text not null, "name" text not null, "credit_code" varchar(18) null, "region_code" varchar(12) collate "C" not null, "industry" text null, "address" text null, "market_id" uuid null, "status" text not null, "status_since" date not null, "registered_on" date not null, "last_change_on" date not null, "employees" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "registry"."market_entity" add constraint "market_entity_credit_code_unique" unique ("credit_code");`,
    );
    this.addSql(`create index "market_entity_region_code_index" on "registry"."market_entity" ("region_code");`);
    this.addSql(`create index "market_entity_market_id_index" on "registry"."market_entity" ("market_id");`);

    this.addSql(`alter table "registry"."fact_version" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."fact_version" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "registry"."figure_delta" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."figure_delta" using (starts_with(township_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(township_code, nullif(current_setting('app.region', true), '')));`,
    );

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
    this.addSql(`drop table if exists "registry"."fact_version" cascade;`);
    this.addSql(`drop table if exists "registry"."figure_delta" cascade;`);
    this.addSql(`drop table if exists "registry"."market_entity" cascade;`);
  }
}
