import { Migration } from '@mikro-orm/migrations';

export class Migration20261202155736_work_coverage_worker_kind extends Migration {
  override name = 'Migration20261202155736_work_coverage_worker_kind';

  override up(): void | Promise<void> {
    // Existing assignments take their worker's kind before the column becomes required.
    this.addSql(`alter table "organizations"."worker_assignment" add "worker_kind" text null;`);
    this.addSql(
      `update "organizations"."worker_assignment" a set "worker_kind" = w."kind" from "organizations"."party_worker" w where w."id" = a."worker_id";`,
    );
    this.addSql(`alter table "organizations"."worker_assignment" alter column "worker_kind" set not null;`);
    this.addSql(
      `alter table "organizations"."worker_assignment" add constraint "worker_assignment_worker_kind_check" check ("worker_kind" in ('INSTRUCTOR', 'LIAISON', 'FULL_TIME_ORGANIZER', 'SOCIAL_WORKER'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "organizations"."worker_assignment" drop constraint "worker_assignment_worker_kind_check";`,
    );
    this.addSql(`alter table "organizations"."worker_assignment" drop column "worker_kind";`);
  }
}
