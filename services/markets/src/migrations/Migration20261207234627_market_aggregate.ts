import { Migration } from '@mikro-orm/migrations';

/**
 * The categories every deployment starts with (seed 001's Dongguan ledgers and common practice);
 * officials add more through addMarketCategory, no code change needed.
 */
const DEFAULT_MARKET_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'CLOTHING', name: '服装' },
  { code: 'TEXTILES', name: '纺织面料' },
  { code: 'SHOES_LEATHER', name: '鞋业皮革' },
  { code: 'TIMBER', name: '木材' },
  { code: 'FURNITURE', name: '家具' },
  { code: 'HARDWARE_MOULDS', name: '五金模具' },
  { code: 'BUILDING_MATERIALS', name: '建材' },
  { code: 'STEEL', name: '钢材' },
  { code: 'PLASTICS', name: '塑料原料' },
  { code: 'ELECTRONICS', name: '电子产品' },
  { code: 'AUTO_PARTS', name: '汽车配件' },
  { code: 'USED_VEHICLES', name: '二手车' },
  { code: 'SMALL_COMMODITIES', name: '小商品' },
  { code: 'TOYS', name: '玩具' },
  { code: 'FARM_PRODUCE', name: '农副产品' },
  { code: 'FRUIT_VEGETABLES', name: '果蔬' },
  { code: 'SEAFOOD', name: '水产' },
  { code: 'FOOD', name: '食品' },
  { code: 'TEA', name: '茶叶' },
  { code: 'FLOWERS', name: '花卉' },
  { code: 'GENERAL_MERCHANDISE', name: '综合' },
];

export class Migration20261207234627_market_aggregate extends Migration {
  override name = 'Migration20261207234627_market_aggregate';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "markets"."market_category" ("code" varchar(40) not null, "name" text not null, "created_at" timestamptz not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "markets"."market_honour" ("id" uuid not null, "region_code" varchar(12) collate "C" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "market_id" uuid not null, "title" text not null, "level" text not null, "year" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "market_honour_region_code_index" on "markets"."market_honour" ("region_code");`);
    this.addSql(`create index "market_honour_market_index" on "markets"."market_honour" ("market_id");`);
    this.addSql(
      `alter table "markets"."market_honour" add constraint "market_honour_unique" unique ("market_id", "title", "level", "year");`,
    );

    // The maintained list starts with the default categories; officials add more (addMarketCategory).
    this.addSql(
      `insert into "markets"."market_category" ("code", "name", "created_at") values ${DEFAULT_MARKET_CATEGORIES.map(
        ({ code, name }) => `('${code}', '${name}', now())`,
      ).join(', ')} on conflict do nothing;`,
    );

    // The stub's rows were demo rows written straight into the table, without a history: they could
    // not count in the figures. The demo now registers its markets through the API, as users do.
    this.addSql(`delete from "markets"."market";`);
    this.addSql(`drop policy "region_scope" on "markets"."market";`);

    this.addSql(
      `alter table "markets"."market" add "created_at" timestamptz not null, add "updated_at" timestamptz not null, add "type" text not null, add "operator_id" uuid null, add "key_grade" text null, add "stars" int null, add "in_city_district" boolean not null, add "county_centre" boolean not null, add "scope_reason" text null, add "opened_on" date not null, add "closed_on" date null, add "declared_vendors" int null, add "declared_employees" int null, add "yearly_turnover" numeric(14,2) null, add "consumer_rights_station" boolean not null, add "integrity_pledges" int null, add "integrity_pledged_on" date null, add "last_change_on" date not null;`,
    );
    this.addSql(
      `alter table "markets"."market" alter column "category" type varchar(40) using ("category"::varchar(40));`,
    );
    this.addSql(
      `alter table "markets"."market" alter column "region_code" type varchar(12) collate "C" using ("region_code"::varchar(12));`,
    );
    this.addSql(`create index "market_category_index" on "markets"."market" ("category");`);
    this.addSql(`create index "market_operator_index" on "markets"."market" ("operator_id");`);
    this.addSql(
      `create unique index "market_open_name_unique" on "markets"."market" ("region_code", "name") where closed_on is null;`,
    );
    this.addSql(
      `alter table "markets"."market" add constraint "market_stars_check" check (stars is null or stars between 1 and 5);`,
    );
    this.addSql(
      `alter table "markets"."market" add constraint "market_closed_check" check (closed_on is null or closed_on >= opened_on);`,
    );
    this.addSql(
      `alter table "markets"."market" add constraint "market_type_check" check ("type" in ('PROFESSIONAL', 'COMPREHENSIVE', 'FARMERS'));`,
    );
    this.addSql(
      `alter table "markets"."market" add constraint "market_key_grade_check" check ("key_grade" in ('PROVINCIAL_KEY', 'REGIONAL_KEY'));`,
    );
    this.addSql(
      `create policy "region_scope" on "markets"."market" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );

    this.addSql(
      `alter table "markets"."market_honour" add constraint "market_honour_level_check" check ("level" in ('CITY', 'PROVINCE'));`,
    );
    this.addSql(`alter table "markets"."market_honour" enable row level security;`);
    this.addSql(
      `create policy "region_scope" on "markets"."market_honour" using (starts_with(region_code, nullif(current_setting('app.region', true), ''))) with check (starts_with(region_code, nullif(current_setting('app.region', true), '')));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "markets"."market_category" cascade;`);
    this.addSql(`drop table if exists "markets"."market_honour" cascade;`);

    this.addSql(`drop policy "region_scope" on "markets"."market";`);

    this.addSql(`drop index "markets"."market_category_index";`);
    this.addSql(`drop index "markets"."market_operator_index";`);
    this.addSql(`drop index "markets"."market_open_name_unique";`);
    this.addSql(`alter table "markets"."market" drop constraint "market_stars_check";`);
    this.addSql(`alter table "markets"."market" drop constraint "market_closed_check";`);
    this.addSql(`alter table "markets"."market" drop constraint "market_type_check";`);
    this.addSql(`alter table "markets"."market" drop constraint "market_key_grade_check";`);
    this.addSql(
      `alter table "markets"."market" drop column "created_at", drop column "updated_at", drop column "type", drop column "operator_id", drop column "key_grade", drop column "stars", drop column "in_city_district", drop column "county_centre", drop column "scope_reason", drop column "opened_on", drop column "closed_on", drop column "declared_vendors", drop column "declared_employees", drop column "yearly_turnover", drop column "consumer_rights_station", drop column "integrity_pledges", drop column "integrity_pledged_on", drop column "last_change_on";`,
    );
    this.addSql(
      `alter table "markets"."market" alter column "region_code" type varchar(12) using ("region_code"::varchar(12));`,
    );
    this.addSql(`alter table "markets"."market" alter column "category" type text using ("category"::text);`);
    this.addSql(
      `create policy "region_scope" on "markets"."market" to public using (starts_with((region_code)::text, NULLIF(current_setting('app.region'::text, true), ''::text))) with check (starts_with((region_code)::text, NULLIF(current_setting('app.region'::text, true), ''::text)));`,
    );
  }
}
