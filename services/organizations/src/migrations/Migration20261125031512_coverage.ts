import { Migration } from '@mikro-orm/migrations';

/**
 * Organizations for real: the organization's formation, host and tree; coverage links; party
 * workers; dated facts and pre-aggregated figures; the copy of registry's facts and its cursor.
 */
export class Migration20261125031512_coverage extends Migration {
  override name = 'Migration20261125031512_coverage';

  override up(): void | Promise<void> {
    // The stub's rows had no history, formation or host; they were demo data, re-seeded through the service.
    this.addSql(`delete from "organizations"."party_organization";`);
    this.addSql(
      `create table "organizations"."audit_event" ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "action" varchar(60) not null, "subject_type" varchar(40) not null, "subject_id" uuid null, "region_code" varchar(12) collate "C" not null, "detail" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_at_index" on "organizations"."audit_event" ("at");`);
    this.addSql(`create index "audit_event_subject_index" on "organizations"."audit_event" ("subject_id");`);

    this.addSql(
      `create table "organizations"."coverage_link" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "entity_id" uuid not null, "from_date" date not null, "to_date" date null, "last_change_on" date not null, "formation" text not null, "organization_alive" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "coverage_link_region_code_index" on "organizations"."coverage_link" ("region_code");`);
    this.addSql(`create index "coverage_link_entity_index" on "organizations"."coverage_link" ("entity_id");`);
    this.addSql(
      `create index "coverage_link_organization_index" on "organizations"."coverage_link" ("organization_id", "from_date");`,
    );

    this.addSql(
      `create table "organizations"."fact_version" ("id" uuid not null, "subject_type" varchar(40) not null, "subject_id" uuid not null, "region_code" varchar(12) collate "C" not null, "valid_from" date not null, "valid_to" date null, "state" jsonb not null, "reason" varchar(40) not null, "recorded_at" timestamptz not null, "recorded_by" text not null, "superseded_at" timestamptz null, "recorded_xid" xid8 not null default pg_current_xact_id(), primary key ("id"));`,
    );
    this.addSql(`create index "fact_version_subject_index" on "organizations"."fact_version" ("subject_id");`);
    this.addSql(`create index "fact_version_region_code_index" on "organizations"."fact_version" ("region_code");`);
    this.addSql(
      `create index "fact_version_feed_index" on "organizations"."fact_version" ("recorded_xid", "subject_id");`,
    );

    this.addSql(
      `create table "organizations"."fed_fact" ("subject_type" varchar(40) not null, "subject_id" uuid not null, "valid_from" date not null, "valid_to" date null, "source" varchar(40) not null, "region_code" varchar(12) collate "C" not null, "about_id" uuid null, "state" jsonb not null, primary key ("subject_type", "subject_id", "valid_from"));`,
    );
    this.addSql(`create index "fed_fact_region_code_index" on "organizations"."fed_fact" ("region_code");`);
    this.addSql(`create index "fed_fact_about_index" on "organizations"."fed_fact" ("about_id");`);

    this.addSql(
      `create table "organizations"."feed_cursor" ("source" varchar(40) not null, "position" text not null, "applied_at" timestamptz not null, primary key ("source"));`,
    );

    this.addSql(
      `create table "organizations"."figure_delta" ("township_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "day" date not null, "delta" int not null, primary key ("township_code", "metric", "day"));`,
    );
    this.addSql(`create index "figure_delta_day_index" on "organizations"."figure_delta" ("day", "township_code");`);

    this.addSql(
      `create table "organizations"."figure_snapshot" ("report_date" date not null, "township_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "value" int not null, primary key ("report_date", "township_code", "metric"));`,
    );

    this.addSql(
      `create table "organizations"."figure_snapshot_date" ("report_date" date not null, primary key ("report_date"));`,
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

    this.addSql(`alter table "organizations"."audit_event" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."audit_event" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."coverage_link" add constraint "coverage_link_formation_check" check ("formation" in ('STANDALONE', 'JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SENT_ORGANIZER', 'SECTOR_WIDE'));`,
    );
    this.addSql(`alter table "organizations"."coverage_link" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."coverage_link" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."fact_version" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."fact_version" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."fed_fact" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."fed_fact" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."figure_delta" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."figure_delta" using (starts_with(township_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(township_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."figure_snapshot" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."figure_snapshot" using (starts_with(township_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(township_code, nullif(current_setting('app.region', true), '')));`,
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
    this.addSql(
      `revoke insert, update, delete, truncate on "organizations"."fed_fact", "organizations"."feed_cursor", "organizations"."figure_snapshot_date" from organizations_app;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organizations"."audit_event" cascade;`);
    this.addSql(`drop table if exists "organizations"."coverage_link" cascade;`);
    this.addSql(`drop table if exists "organizations"."fact_version" cascade;`);
    this.addSql(`drop table if exists "organizations"."fed_fact" cascade;`);
    this.addSql(`drop table if exists "organizations"."feed_cursor" cascade;`);
    this.addSql(`drop table if exists "organizations"."figure_delta" cascade;`);
    this.addSql(`drop table if exists "organizations"."figure_snapshot" cascade;`);
    this.addSql(`drop table if exists "organizations"."figure_snapshot_date" cascade;`);
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
