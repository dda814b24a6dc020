import { Migration } from '@mikro-orm/migrations';

/**
 * fact_version becomes the outbox of the fact feed: each version carries the transaction that wrote
 * it, the feed's order. The states gain what organizations count by: a member's unit, an entity's staff.
 */
export class Migration20261125090000_fact_feed extends Migration {
  override name = 'Migration20261125090000_fact_feed';

  override up(): void {
    this.addSql(
      `alter table "registry"."fact_version" add column "recorded_xid" xid8 not null default pg_current_xact_id();`,
    );
    this.addSql(`create index "fact_version_feed_index" on "registry"."fact_version" ("recorded_xid", "subject_id");`);
    this
      .addSql(`update "registry"."fact_version" v set "state" = v."state" || jsonb_build_object('entityId', m."entity_id")
                   from "registry"."party_member" m where v."subject_type" = 'PartyMember' and v."subject_id" = m."id";`);
    this
      .addSql(`update "registry"."fact_version" v set "state" = v."state" || jsonb_build_object('employees', e."employees")
                   from "registry"."market_entity" e where v."subject_type" = 'MarketEntity' and v."subject_id" = e."id";`);
  }

  override down(): void {
    this.addSql(`drop index "registry"."fact_version_feed_index";`);
    this.addSql(`alter table "registry"."fact_version" drop column "recorded_xid";`);
  }
}
