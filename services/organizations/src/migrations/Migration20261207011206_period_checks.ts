import { Migration } from '@mikro-orm/migrations';

export class Migration20261207011206_period_checks extends Migration {
  override name = 'Migration20261207011206_period_checks';

  override up(): void | Promise<void> {
    // Periods that held on no day (a link ended on its first day) are withdrawn: they counted nowhere.
    for (const table of ['coverage_link', 'life_membership', 'organization_role', 'worker_assignment']) {
      this.addSql(`delete from "organizations"."${table}" where to_date is not null and to_date <= from_date;`);
    }
    this.addSql(
      `alter table "organizations"."coverage_link" add constraint "coverage_link_period_check" check (to_date is null or to_date > from_date);`,
    );
    this.addSql(
      `alter table "organizations"."life_membership" add constraint "life_membership_period_check" check (to_date is null or to_date > from_date);`,
    );
    this.addSql(
      `alter table "organizations"."organization_role" add constraint "organization_role_period_check" check (to_date is null or to_date > from_date);`,
    );
    this.addSql(
      `alter table "organizations"."worker_assignment" add constraint "worker_assignment_period_check" check (to_date is null or to_date > from_date);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organizations"."coverage_link" drop constraint "coverage_link_period_check";`);
    this.addSql(`alter table "organizations"."life_membership" drop constraint "life_membership_period_check";`);
    this.addSql(`alter table "organizations"."organization_role" drop constraint "organization_role_period_check";`);
    this.addSql(`alter table "organizations"."worker_assignment" drop constraint "worker_assignment_period_check";`);
  }
}
