import { regionScopeStatements, type KitMigration } from '../kit-migration.js';

/** The audit trail's table as of 2026-12-07; a no-op where a subgraph's own migrations made it. */
export const auditMigrations: readonly KitMigration[] = [
  {
    name: 'Kit20261207200004_audit',
    statements: ({ table }) => {
      const events = table('audit_event');
      return [
        `create table if not exists ${events} ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "action" varchar(60) not null, "subject_type" varchar(40) not null, "subject_id" uuid null, "region_code" varchar(12) collate "C" not null, "detail" jsonb not null, primary key ("id"));`,
        `create index if not exists "audit_event_at_index" on ${events} ("at");`,
        `create index if not exists "audit_event_subject_index" on ${events} ("subject_id");`,
        ...regionScopeStatements(events),
      ];
    },
  },
];
