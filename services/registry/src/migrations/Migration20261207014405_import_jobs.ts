import { Migration } from '@mikro-orm/migrations';

export class Migration20261207014405_import_jobs extends Migration {
  override name = 'Migration20261207014405_import_jobs';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."member_import_job" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "requested_by" text not null, "requester_region" varchar(12) not null, "requester_roles" jsonb not null, "content_hash" varchar(64) not null, "format" varchar(8) not null, "file" bytea null, "dry_run" boolean not null, "status" text not null, "stage" varchar(16) null, "done" int not null, "total" int not null, "result" jsonb null, "problems" jsonb null, "problem_count" int null, "row_count" int null, "message" text null, "attempts" int not null, "lease_until" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "member_import_job_region_code_index" on "registry"."member_import_job" ("region_code");`,
    );
    this.addSql(
      `create index "member_import_job_queue_index" on "registry"."member_import_job" ("status", "created_at");`,
    );
    this.addSql(
      `create unique index "member_import_job_same_file_unique" on "registry"."member_import_job" ("requested_by", "content_hash", "region_code", "dry_run") where status <> 'FAILED';`,
    );
    this.addSql(
      `alter table "registry"."member_import_job" add constraint "member_import_job_status_check" check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED'));`,
    );
    this.addSql(`alter table "registry"."member_import_job" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."member_import_job" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."member_import_job" cascade;`);
  }
}
