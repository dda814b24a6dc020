import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * One period of a record's history: from `validFrom` (inclusive) to `validTo` (exclusive; null =
 * current), the record was in `state` at `regionCode`. Versions are never deleted when a record
 * changes, leaves or is found false: a change supersedes the periods it re-cuts and adds new ones,
 * so any figure can be asked "as of" a date and every change stays auditable. Distribution column: `subjectId`.
 */
export const FactVersionEntity = defineEntity({
  name: 'FactVersion',
  tableName: 'fact_version',
  properties: {
    id: p.uuid().primary(),
    subjectType: p.string().length(40),
    subjectId: p.uuid().index('fact_version_subject_index'),
    regionCode: p.string().length(12).collation('C').index('fact_version_region_code_index'),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    state: p.json<Record<string, unknown>>(),
    reason: p.string().length(40),
    recordedAt: p.datetime(),
    recordedBy: p.text(),
    /** Set when a later change re-cut this period; superseded versions stay for the audit trail. */
    supersededAt: p.datetime().nullable(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type FactVersionRow = InferEntity<typeof FactVersionEntity>;
