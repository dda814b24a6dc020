import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013107_integrity extends Migration {
  override name = 'Migration20261207013107_integrity';

  override up(): void | Promise<void> {
    // A worker assigned twice to one target was listed twice: the earliest open assignment stays (it covers every later one).
    this.addSql(`delete from "organizations"."worker_assignment" a using "organizations"."worker_assignment" b
      where a.to_date is null and b.to_date is null and a.worker_id = b.worker_id and a.target_kind = b.target_kind and a.target_id = b.target_id
        and (a.from_date, a.id) > (b.from_date, b.id);`);
    this.addSql(
      `create unique index "coverage_link_open_unique" on "organizations"."coverage_link" ("organization_id", "entity_id") where to_date is null;`,
    );
    this.addSql(
      `create unique index "organization_role_open_unique" on "organizations"."organization_role" ("organization_id", "member_id") where to_date is null;`,
    );
    this.addSql(
      `create unique index "organization_role_secretary_unique" on "organizations"."organization_role" ("organization_id") where role = 'SECRETARY' and to_date is null;`,
    );
    this.addSql(`alter table "organizations"."party_organization" add "latest_record_on" date null;`);
    // What was recorded before the column existed: the latest start or event of each organization.
    this.addSql(`update "organizations"."party_organization" o set "latest_record_on" = r.latest from (
      select organization_id, max(day) as latest from (
        select organization_id, from_date as day from "organizations"."coverage_link"
        union all select organization_id, from_date from "organizations"."organization_role"
        union all select organization_id, from_date from "organizations"."life_membership"
        union all select organization_id, held_on from "organizations"."meeting" where held_on is not null
        union all select organization_id, checked_on from "organizations"."venue_check"
        union all select organization_id, elected_on from "organizations"."organization_election"
        union all select target_id, from_date from "organizations"."worker_assignment" where target_kind = 'ORGANIZATION'
      ) days group by organization_id
    ) r where r.organization_id = o.id;`);
    this.addSql(
      `create unique index "party_organization_living_unique" on "organizations"."party_organization" ("region_code", "host_kind", coalesce("host_id"::text, ''), coalesce("host_name", ''), "level", "name") where "dissolved_on" is null;`,
    );
    this.addSql(
      `create unique index "party_organization_standalone_host_unique" on "organizations"."party_organization" ("host_id") where "formation" = 'STANDALONE' and "dissolved_on" is null;`,
    );
    this.addSql(
      `create unique index "worker_assignment_open_unique" on "organizations"."worker_assignment" ("worker_id", "target_kind", "target_id") where to_date is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "organizations"."coverage_link_open_unique";`);
    this.addSql(`drop index "organizations"."organization_role_open_unique";`);
    this.addSql(`drop index "organizations"."organization_role_secretary_unique";`);
    this.addSql(`drop index "organizations"."party_organization_living_unique";`);
    this.addSql(`drop index "organizations"."party_organization_standalone_host_unique";`);
    this.addSql(`alter table "organizations"."party_organization" drop column "latest_record_on";`);
    this.addSql(`drop index "organizations"."worker_assignment_open_unique";`);
  }
}
