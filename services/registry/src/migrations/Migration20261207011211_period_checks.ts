import { Migration } from '@mikro-orm/migrations';

export class Migration20261207011211_period_checks extends Migration {
  override name = 'Migration20261207011211_period_checks';

  override up(): void | Promise<void> {
    // A period that held on no day counted nowhere: it goes before the check holds every future one.
    this.addSql(`delete from "registry"."fact_version" where valid_to is not null and valid_to <= valid_from;`);
    this.addSql(
      `alter table "registry"."fact_version" add constraint "fact_version_period_check" check (valid_to is null or valid_to > valid_from);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "registry"."fact_version" drop constraint "fact_version_period_check";`);
  }
}
