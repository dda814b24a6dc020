import { Migration } from '@mikro-orm/migrations';

export class Migration20261121052733_party_members extends Migration {
  override name = 'Migration20261121052733_party_members';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."floating_feedback_step" ("id" uuid not null, "member_id" uuid not null, "region_code" varchar(12) collate "C" not null, "step" text not null, "occurred_on" date not null, "handled_by" text null, "proof_reference" text null, "note" text null, "recorded_at" timestamptz not null, "recorded_by" text not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "floating_feedback_step_member_index" on "registry"."floating_feedback_step" ("member_id");`,
    );

    this.addSql(
      `create table "registry"."party_member" ("id" uuid not null, "entity_id" uuid not null, "region_code" varchar(12) collate "C" not null, "name" text not null, "mobile" varchar(11) null, "person_key" text not null, "is_owner" boolean not null, "household_place" text null, "household_county_code" varchar(6) null, "org_life_branch_id" uuid null, "org_life_branch_name" text null, "relationship_branch_id" uuid null, "relationship_branch_name" text null, "category" text not null, "distribution" text not null, "relationship_type" text not null, "finding_state" text not null, "found_via" text null, "finding_state_on" date not null, "sanliang_done" boolean not null, "sanliang_commitment" text null, "sanliang_on" date null, "transfer_status" text not null, "national_member_id" text null, "status" text not null, "status_reason" text null, "status_since" date not null, "floating_feedback_complete" boolean not null, "registered_on" date not null, "last_change_on" date not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "party_member_entity_index" on "registry"."party_member" ("entity_id");`);
    this.addSql(`create index "party_member_region_code_index" on "registry"."party_member" ("region_code");`);
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_person_unique" unique ("entity_id", "person_key");`,
    );

    this.addSql(
      `alter table "registry"."floating_feedback_step" add constraint "floating_feedback_step_step_check" check ("step" in ('REGISTERED', 'IDENTITY_CONFIRMED', 'PARTICIPATION', 'EVALUATION_SENT', 'RECEIPT_RETURNED'));`,
    );
    this.addSql(`alter table "registry"."floating_feedback_step" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."floating_feedback_step" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_category_check" check ("category" in ('FORMAL', 'PROBATIONARY'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_distribution_check" check ("distribution" in ('INDIVIDUAL_BUSINESS', 'IN_MARKET_INDIVIDUAL_BUSINESS', 'SMALL_MICRO_ENTERPRISE'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_relationship_type_check" check ("relationship_type" in ('AFFILIATED', 'LOCAL', 'FLOATING'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_finding_state_check" check ("finding_state" in ('POCKET', 'HIDDEN', 'LOST_CONTACT', 'FOUND', 'VERIFIED', 'FALSE_RECORD'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_found_via_check" check ("found_via" in ('BUSINESS_REGISTRATION', 'ANNUAL_REPORT', 'MARKET_SUPERVISION', 'PHONE', 'VISIT', 'MEMBER_REFERRAL'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_transfer_status_check" check ("transfer_status" in ('NOT_NEEDED', 'PENDING', 'TRANSFERRED'));`,
    );
    this.addSql(
      `alter table "registry"."party_member" add constraint "party_member_status_check" check ("status" in ('ACTIVE', 'LEFT', 'MOVED_OUT'));`,
    );
    this.addSql(`alter table "registry"."party_member" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."party_member" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."floating_feedback_step" cascade;`);
    this.addSql(`drop table if exists "registry"."party_member" cascade;`);
  }
}
