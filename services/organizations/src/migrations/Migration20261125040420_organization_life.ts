import { Migration } from '@mikro-orm/migrations';

export class Migration20261125040420_organization_life extends Migration {
  override name = 'Migration20261125040420_organization_life';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "organizations"."life_membership" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "member_id" uuid not null, "organization_id" uuid not null, "from_date" date not null, "to_date" date null, "last_change_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "life_membership_region_code_index" on "organizations"."life_membership" ("region_code");`,
    );
    this.addSql(`create index "life_membership_member_index" on "organizations"."life_membership" ("member_id");`);
    this.addSql(
      `create index "life_membership_organization_index" on "organizations"."life_membership" ("organization_id", "from_date");`,
    );

    this.addSql(
      `create table "organizations"."meeting" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "type" text not null, "planned_on" date null, "held_on" date null, "topic" text not null, "host_member_id" uuid null, "recorder_member_id" uuid null, "decisions" text null, "expected_count" int not null default 0, "present_count" int not null default 0, "last_change_on" date not null, primary key ("id"));`,
    );
    this.addSql(`create index "meeting_region_code_index" on "organizations"."meeting" ("region_code");`);
    this.addSql(
      `create index "meeting_organization_index" on "organizations"."meeting" ("organization_id", "type", "held_on");`,
    );

    this.addSql(
      `create table "organizations"."meeting_attendance" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "meeting_id" uuid not null, "member_id" uuid not null, "held_on" date not null, "present" boolean not null, "absence_reason" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "meeting_attendance_region_code_index" on "organizations"."meeting_attendance" ("region_code");`,
    );
    this.addSql(
      `create index "meeting_attendance_member_index" on "organizations"."meeting_attendance" ("member_id");`,
    );
    this.addSql(
      `alter table "organizations"."meeting_attendance" add constraint "meeting_attendance_member_unique" unique ("meeting_id", "member_id");`,
    );

    this.addSql(
      `create table "organizations"."organization_election" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "elected_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "organization_election_region_code_index" on "organizations"."organization_election" ("region_code");`,
    );
    this.addSql(
      `alter table "organizations"."organization_election" add constraint "organization_election_unique" unique ("organization_id", "elected_on");`,
    );

    this.addSql(
      `create table "organizations"."organization_role" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "member_id" uuid not null, "role" text not null, "from_date" date not null, "to_date" date null, "last_change_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "organization_role_region_code_index" on "organizations"."organization_role" ("region_code");`,
    );
    this.addSql(`create index "organization_role_member_index" on "organizations"."organization_role" ("member_id");`);
    this.addSql(
      `create index "organization_role_organization_index" on "organizations"."organization_role" ("organization_id", "from_date");`,
    );

    this.addSql(
      `create table "organizations"."venue_check" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "checked_on" date not null, "place" boolean not null, "facilities" boolean not null, "sign" boolean not null, "flag" boolean not null, "books_and_papers" boolean not null, "rules" boolean not null, primary key ("id"));`,
    );
    this.addSql(`create index "venue_check_region_code_index" on "organizations"."venue_check" ("region_code");`);
    this.addSql(
      `create index "venue_check_organization_index" on "organizations"."venue_check" ("organization_id", "checked_on");`,
    );

    this.addSql(`alter table "organizations"."party_organization" add "elected_on" date null;`);
    // One open organization-life membership per member, held by the database, not only by a check.
    this.addSql(
      `create unique index "life_membership_open_unique" on "organizations"."life_membership" ("member_id") where "to_date" is null;`,
    );
    // Existing organizations: their first committee counts as elected on the day they were established.
    this.addSql(`update "organizations"."party_organization" set "elected_on" = "established_on";`);
    this
      .addSql(`insert into "organizations"."organization_election" ("id", "region_code", "created_at", "updated_at", "organization_id", "elected_on")
                 select gen_random_uuid(), "region_code", now(), now(), "id", "established_on" from "organizations"."party_organization";`);

    this.addSql(`alter table "organizations"."life_membership" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."life_membership" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."meeting" add constraint "meeting_type_check" check ("type" in ('BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEMED_DAY', 'ORGANIZATION_LIFE_MEETING'));`,
    );
    this.addSql(`alter table "organizations"."meeting" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."meeting" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."meeting_attendance" add constraint "meeting_attendance_absence_reason_check" check ("absence_reason" in ('ILLNESS', 'BUSINESS', 'UNEXCUSED'));`,
    );
    this.addSql(`alter table "organizations"."meeting_attendance" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."meeting_attendance" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."organization_election" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."organization_election" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "organizations"."organization_role" add constraint "organization_role_role_check" check ("role" in ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'));`,
    );
    this.addSql(`alter table "organizations"."organization_role" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."organization_role" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(`alter table "organizations"."venue_check" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "organizations"."venue_check" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organizations"."life_membership" cascade;`);
    this.addSql(`drop table if exists "organizations"."meeting" cascade;`);
    this.addSql(`drop table if exists "organizations"."meeting_attendance" cascade;`);
    this.addSql(`drop table if exists "organizations"."organization_election" cascade;`);
    this.addSql(`drop table if exists "organizations"."organization_role" cascade;`);
    this.addSql(`drop table if exists "organizations"."venue_check" cascade;`);

    this.addSql(`alter table "organizations"."party_organization" drop column "elected_on";`);
  }
}
