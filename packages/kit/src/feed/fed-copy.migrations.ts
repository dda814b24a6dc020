import { periodCheck } from '../history/dated-link.js';
import { checkStatement, regionScopeStatements, type KitMigration } from '../kit-migration.js';

/**
 * A consumer's copy of other subgraphs' facts and its cursor, as of 2026-12-07; a no-op where a
 * subgraph's own migrations made them. Only the owner role (the feed consumer) writes them.
 */
export const fedCopyMigrations: readonly KitMigration[] = [
  {
    name: 'Kit20261207200003_fed_copy',
    statements: ({ table, appRole }) => {
      const [facts, cursor] = [table('fed_fact'), table('feed_cursor')];
      return [
        `create table if not exists ${facts} ("subject_type" varchar(40) not null, "subject_id" uuid not null, "valid_from" date not null, "valid_to" date null, "source" varchar(40) not null, "region_code" varchar(12) collate "C" not null, "about_id" uuid null, "state" jsonb not null, primary key ("subject_type", "subject_id", "valid_from"));`,
        `create index if not exists "fed_fact_region_code_index" on ${facts} ("region_code");`,
        `create index if not exists "fed_fact_about_index" on ${facts} ("about_id");`,
        checkStatement(facts, periodCheck('fed_fact', 'valid_from', 'valid_to')),
        ...regionScopeStatements(facts),
        `create table if not exists ${cursor} ("source" varchar(40) not null, "position" text not null, "applied_at" timestamptz not null, primary key ("source"));`,
        `revoke insert, update, delete, truncate on ${facts}, ${cursor} from "${appRole}";`,
      ];
    },
  },
];
