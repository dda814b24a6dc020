import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * Pre-aggregated figures: for each metric and township, the net change on each day. A metric's
 * value in a region as of a date is the sum of its deltas over the region's townships up to that
 * date — a scan of a few rows per township, never of the raw records. Each subgraph that keeps
 * figures lists this entity; the table lives in the subgraph's own schema, under RLS.
 */
export const FigureDeltaEntity = defineEntity({
  name: 'FigureDelta',
  tableName: 'figure_delta',
  properties: {
    // Collation "C": prefix ranges (code >= '33' and code < '33:') stay index scans on any server locale.
    townshipCode: p.string().length(9).collation('C').primary(),
    metric: p.string().length(80).collation('C').primary(),
    day: p.date().primary(),
    delta: p.integer(),
  },
  policies: [regionScopePolicy<{ townshipCode: string }>('townshipCode')],
});

export type FigureDeltaRow = InferEntity<typeof FigureDeltaEntity>;
