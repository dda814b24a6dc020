import { Migration } from '@mikro-orm/migrations';

export class Migration20261121050511_initial extends Migration {
  override name = 'Migration20261121050511_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."region" ("code" varchar(12) collate "C" not null, "name" text not null, "level" text not null, "parent_code" varchar(12) collate "C" null, primary key ("code"));`,
    );
    this.addSql(`create index "region_parent_code_index" on "registry"."region" ("parent_code");`);

    this.addSql(
      `alter table "registry"."region" add constraint "region_level_check" check ("level" in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."region" cascade;`);
  }
}
