import { Migration } from '@mikro-orm/migrations';

export class Migration20261121050517_initial extends Migration {
  override name = 'Migration20261121050517_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "markets"."market" ("id" uuid not null, "name" text not null, "category" text not null, "region_code" varchar(12) not null, primary key ("id"));`,
    );
    this.addSql(`create index "market_region_code_index" on "markets"."market" ("region_code");`);

    this.addSql(`alter table "markets"."market" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "markets"."market" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "markets"."market" cascade;`);
  }
}
