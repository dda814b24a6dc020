import { Migration } from '@mikro-orm/migrations';

/**
 * Organizations for real: the organization's formation, host and tree; coverage links; party
 * workers. (The kit features' tables, first made here, are the kit's own migrations now.)
 */
export class Migration20261125031512_coverage extends Migration {
  override name = 'Migration20261125031512_coverage';

  override up(): void | Promise<void> {
    // The stub's rows had no history, formation or host; they were demo data, re-seeded through the service.
    this.addSql(`delete from "organizations"."party_organization";`);

    this.addSql(
      `create table "organizations"."coverage_link" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "entity_id" uuid not null, "from_date" date not null, "to_date" date null, "last_change_on" date not null, "formation" text not null, "organization_alive" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "coverage_link_region_code_index" on "organizations"."coverage_link" ("region_code");`);
    this.addSql(`create index "coverage_link_entity_index" on "organizations"."coverage_link" ("entity_id");`);
    this.addSql(
      `create index "coverage_link_organization_index" on "organizations"."coverage_link" ("organization_id", "from_date");`,
    );

    this.addSql(
      `create table "organizations"."party_worker" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "mobile" varchar(11) null, "kind" text not null, "serving_from" date not null, "serving_until" date null, "last_change_on" date not null, primary key ("id"));`,
    );
    this.addSql(`create index "party_worker_region_code_index" on "organizations"."party_worker" ("region_code");`);

    this.addSql(
      `create table "organizations"."worker_assignment" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "worker_id" uuid not null, "target_kind" text not null, "target_id" uuid not null, "from_date" date not null, "to_date" date null, "last_change_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "worker_assignment_region_code_index" on "organizations"."worker_assignment" ("region_code");`,
    );
    this.addSql(`create index "worker_assignment_worker_index" on "organizations"."worker_assignment" ("worker_id");`);
    this.addSql(
      `create index "worker_assignment_target_index" on "organizations"."worker_assignment" ("target_id", "from_date");`,
    );

    this.addSql(
      `alter table "organizations"."party_organization" add "created_at" timestamptz not null, add "updated_at" timestamptz not null, add "formation" text not null, add "parent_id" uuid null, add "host_kind" text not null, add "host_id" uuid null, add "host_name" text null, add "last_change_on" date not null;`,
    );
    // Collation "C" for prefix ranges; the policy reads the column, so it is dropped and recreated around the change.
    this.addSql(`drop policy "region_scope" on "organizations"."party_organization";`);
    this.addSql(
      `alter table "organizations"."party_organization" alter column "region_code" type varchar(12) collate "C" using ("region_code"::varchar(12));`,
    );
    this.addSql(
      `create policy "region_scope" on "organizations"."party_organization" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
    this.addSql(
      `create index "party_organization_parent_index" on "organizations"."party_organization" ("parent_id");`,
    );
    this.addSql(
      `alter table "organizations"."party_organization" add constraint "party_organization_formation_check" check ("formation" in ('STANDALONE', 'JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SENT_ORGANIZER', 'SECTOR_WIDE'));`,
    );
    this.addSql(
      `alter table "organizations"."party_organization" add constraint "party_organization_host_kind_check" check ("host_kind" in ('MARKET_ENTITY', 'MARKET', 'ASSOCIATION', 'REGION'));`,
    );

    this.addSql(
      `alter table "organizations"."coverage_link" add constraint "coverage_link_formation_check" check ("formation" in ('STANDALONE', 'JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SENT_ORGANIZER', 'SECTOR_WIDE'));`,
    );
    this.addSql(`alter table "organizations"."coverage_link" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."coverage_link" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."party_worker" add constraint "party_worker_kind_check" check ("kind" in ('INSTRUCTOR', 'LIAISON', 'FULL_TIME_ORGANIZER', 'SOCIAL_WORKER'));`,
    );
    this.addSql(`alter table "organizations"."party_worker" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."party_worker" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."worker_assignment" add constraint "worker_assignment_target_kind_check" check ("target_kind" in ('ORGANIZATION', 'MARKET_ENTITY', 'MARKET'));`,
    );
    this.addSql(`alter table "organizations"."worker_assignment" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."worker_assignment" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    // Only the owner role writes these: the feed consumer (the copy, its cursor) and the roll-forward (report dates).
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organizations"."coverage_link" cascade;`);
    this.addSql(`drop table if exists "organizations"."party_worker" cascade;`);
    this.addSql(`drop table if exists "organizations"."worker_assignment" cascade;`);

    this.addSql(`drop index "organizations"."party_organization_parent_index";`);
    this.addSql(
      `alter table "organizations"."party_organization" drop constraint "party_organization_formation_check";`,
    );
    this.addSql(
      `alter table "organizations"."party_organization" drop constraint "party_organization_host_kind_check";`,
    );
    this.addSql(
      `alter table "organizations"."party_organization" drop column "created_at", drop column "updated_at", drop column "formation", drop column "parent_id", drop column "host_kind", drop column "host_id", drop column "host_name", drop column "last_change_on";`,
    );
    this.addSql(
      `alter table "organizations"."party_organization" alter column "region_code" type varchar(12) using ("region_code"::varchar(12));`,
    );
  }
}
