import { Migration } from '@mikro-orm/migrations';

export class Migration20261121053843_figure_snapshots extends Migration {
  override name = 'Migration20261121053843_figure_snapshots';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "registry"."figure_snapshot" ("report_date" date not null, "township_code" varchar(9) collate "C" not null, "metric" varchar(80) collate "C" not null, "value" int not null, primary key ("report_date", "township_code", "metric"));`,
    );

    this.addSql(
      `create table "registry"."figure_snapshot_date" ("report_date" date not null, primary key ("report_date"));`,
    );

    this.addSql(`create index "figure_delta_day_index" on "registry"."figure_delta" ("day", "township_code");`);

    this.addSql(`alter table "registry"."figure_snapshot" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "registry"."figure_snapshot" using (starts_with(township_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(township_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "registry"."figure_snapshot" cascade;`);
    this.addSql(`drop table if exists "registry"."figure_snapshot_date" cascade;`);

    this.addSql(`drop index "registry"."figure_delta_day_index";`);
  }
}
