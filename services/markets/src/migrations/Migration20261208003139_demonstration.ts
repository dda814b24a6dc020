import { Migration } from '@mikro-orm/migrations';

export class Migration20261208003139_demonstration extends Migration {
  override name = 'Migration20261208003139_demonstration';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "markets"."market_demonstration_record" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "market_id" uuid not null, "item" text not null, "in_place" boolean not null, "evidence" text not null, "recorded_on" date not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "market_demonstration_record_region_code_index" on "markets"."market_demonstration_record" ("region_code");`,
    );
    this.addSql(
      `create index "market_demonstration_record_market_index" on "markets"."market_demonstration_record" ("market_id");`,
    );
    this.addSql(
      `alter table "markets"."market_demonstration_record" add constraint "market_demonstration_record_unique" unique ("market_id", "item", "recorded_on");`,
    );

    this.addSql(
      `alter table "markets"."market_demonstration_record" add constraint "market_demonstration_record_item_check" check ("item" in ('ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'));`,
    );
    this.addSql(`alter table "markets"."market_demonstration_record" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "markets"."market_demonstration_record" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "markets"."market_demonstration_record" cascade;`);
  }
}
