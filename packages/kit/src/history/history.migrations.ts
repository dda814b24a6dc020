import { periodCheck } from './dated-link.js';
import { checkStatement, regionScopeStatements, type KitMigration } from '../kit-migration.js';

/**
 * The history's table (fact_version, also the fact feed's outbox) as of 2026-12-07. Written to be
 * a no-op where a subgraph's own migrations made it before the kit owned it.
 */
export const historyMigrations: readonly KitMigration[] = [
  {
    name: 'Kit20261207200000_history',
    statements: ({ table }) => {
      const versions = table('fact_version');
      return [
        `create table if not exists ${versions} ("id" uuid not null, "subject_type" varchar(40) not null, "subject_id" uuid not null, "region_code" varchar(12) collate "C" not null, "valid_from" date not null, "valid_to" date null, "state" jsonb not null, "reason" varchar(40) not null, "recorded_at" timestamptz not null, "recorded_by" text not null, "superseded_at" timestamptz null, "recorded_xid" xid8 not null default pg_current_xact_id(), "listed_in" varchar(40) null, primary key ("id"));`,
        `create index if not exists "fact_version_subject_index" on ${versions} ("subject_id");`,
        `create index if not exists "fact_version_region_code_index" on ${versions} ("region_code");`,
        `create index if not exists "fact_version_feed_index" on ${versions} ("recorded_xid", "subject_id");`,
        `create index if not exists "fact_version_list_index" on ${versions} ("subject_type", "listed_in", "region_code", "subject_id") include ("valid_from", "valid_to") where listed_in is not null and superseded_at is null;`,
        checkStatement(versions, periodCheck('fact_version', 'valid_from', 'valid_to')),
        ...regionScopeStatements(versions),
      ];
    },
  },
];

/** The rule each kind of derived record was computed under (derived_fact_revision). */
export const derivedFactMigrations: readonly KitMigration[] = [
  {
    name: 'Kit20261207200001_derived_facts',
    statements: ({ table }) => [
      `create table if not exists ${table('derived_fact_revision')} ("subject_type" varchar(40) not null, "revision" text not null, "derived_at" timestamptz not null, primary key ("subject_type"));`,
    ],
  },
];
