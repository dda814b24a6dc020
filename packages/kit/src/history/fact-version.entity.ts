import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';
import { periodCheck } from './dated-link.js';

/**
 * One period of a record's history: from `validFrom` (inclusive) to `validTo` (exclusive; null =
 * current), the record was in `state` at `regionCode`. Versions are never deleted when a record
 * changes, leaves or is found false: a change supersedes the periods it re-cuts and adds new ones,
 * so any figure can be asked "as of" a date and every change stays auditable. Distribution column: `subjectId`.
 *
 * The table is also the subgraph's outbox: `recordedXid` (the writing transaction) orders the fact
 * feed other subgraphs copy from (see feed/fact-feed.ts).
 */
export const FactVersionEntity = defineEntity({
  name: 'FactVersion',
  tableName: 'fact_version',
  checks: [periodCheck('fact_version', 'valid_from', 'valid_to')],
  indexes: [
    { name: 'fact_version_feed_index', properties: ['recordedXid', 'subjectId'] },
    // Work lists page through the current periods of one list in a region subtree, by subject id.
    {
      name: 'fact_version_list_index',
      properties: ['subjectType', 'listedIn', 'regionCode', 'subjectId'],
      include: ['validFrom', 'validTo'],
      where: 'listed_in is not null and superseded_at is null',
    },
  ],
  properties: {
    id: p.uuid().primary(),
    subjectType: p.string().length(40),
    subjectId: p.uuid().index('fact_version_subject_index'),
    regionCode: p.string().length(12).collation('C').index('fact_version_region_code_index'),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    state: p.json<Record<string, unknown>>(),
    /** The work list a record in this state is on (FactDefinition.listOf), e.g. entities able to stand alone without an organization. */
    listedIn: p.string().length(40).nullable(),
    reason: p.string().length(40),
    recordedAt: p.datetime(),
    recordedBy: p.text(),
    /** Set when a later change re-cut this period; superseded versions stay for the audit trail. */
    supersededAt: p.datetime().nullable(),
    /** The transaction that wrote the version (set by the database): the feed's order. */
    recordedXid: p.string().columnType('xid8').defaultRaw('pg_current_xact_id()').lazy(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type FactVersionRow = InferEntity<typeof FactVersionEntity>;
