import { Migration } from '@mikro-orm/migrations';

export class Migration20261125100000_work_lists extends Migration {
  override name = 'Migration20261125100000_work_lists';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registry"."fact_version" add "listed_in" varchar(40) null;`);
    this.addSql(
      `create index "fact_version_list_index" on "registry"."fact_version" ("subject_type", "listed_in", "region_code", "subject_id") include ("valid_from", "valid_to") where listed_in is not null and superseded_at is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "registry"."fact_version_list_index";`);
    this.addSql(`alter table "registry"."fact_version" drop column "listed_in";`);
  }
}
