import { Migration } from '@mikro-orm/migrations';

export class Migration20261125055856_work_lists_rule_revisions extends Migration {
  override name = 'Migration20261125055856_work_lists_rule_revisions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "organizations"."derived_fact_revision" ("subject_type" varchar(40) not null, "revision" text not null, "derived_at" timestamptz not null, primary key ("subject_type"));`,
    );

    this.addSql(`alter table "organizations"."fact_version" add "listed_in" varchar(40) null;`);
    this.addSql(
      `create index "fact_version_list_index" on "organizations"."fact_version" ("subject_type", "listed_in", "region_code", "subject_id") include ("valid_from", "valid_to") where listed_in is not null and superseded_at is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "organizations"."derived_fact_revision" cascade;`);

    this.addSql(`drop index "organizations"."fact_version_list_index";`);
    this.addSql(`alter table "organizations"."fact_version" drop column "listed_in";`);
  }
}
