import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';
import { periodCheck } from '../history/dated-link.js';

/**
 * A consumer's copy of another subgraph's dated facts, as the owner's feed delivered them: the
 * current periods of each record (the owner keeps the superseded ones). `aboutId` is the local
 * record the period feeds into (a member's period → the entity it works at), so deriving one record
 * reads one index range. Distribution column: `subjectId`.
 */
export const FedFactEntity = defineEntity({
  name: 'FedFact',
  tableName: 'fed_fact',
  checks: [periodCheck('fed_fact', 'valid_from', 'valid_to')],
  properties: {
    subjectType: p.string().length(40).primary(),
    subjectId: p.uuid().primary(),
    validFrom: p.date().primary(),
    validTo: p.date().nullable(),
    /** The subgraph that owns the fact. */
    source: p.string().length(40),
    regionCode: p.string().length(12).collation('C').index('fed_fact_region_code_index'),
    aboutId: p.uuid().nullable().index('fed_fact_about_index'),
    state: p.json<Record<string, unknown>>(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type FedFactRow = InferEntity<typeof FedFactEntity>;

/** How far a consumer has applied each source's feed; moved in the transaction that applied it. */
export const FeedCursorEntity = defineEntity({
  name: 'FeedCursor',
  tableName: 'feed_cursor',
  properties: {
    source: p.string().length(40).primary(),
    position: p.text(),
    appliedAt: p.datetime(),
  },
});
