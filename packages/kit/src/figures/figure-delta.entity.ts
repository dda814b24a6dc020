import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * Pre-aggregated figures: for each metric and region — every township and each of its county, city
 * and province, so a region's figures are its own rows — the net change on each day. With the
 * report-date snapshots (figure_snapshot) they answer any region as of any date without touching
 * the raw records. Each subgraph that keeps figures lists these entities; the tables live in the
 * subgraph's own schema, under RLS.
 */
export const FigureDeltaEntity = defineEntity({
  name: 'FigureDelta',
  tableName: 'figure_delta',
  // Day first: the deltas since the last report date are one index range.
  indexes: [{ name: 'figure_delta_day_index', properties: ['day', 'regionCode'] }],
  properties: {
    // A province, city, county or township code; collation "C" as every region code here.
    regionCode: p.string().length(9).collation('C').primary(),
    metric: p.string().length(80).collation('C').primary(),
    day: p.date().primary(),
    delta: p.integer(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type FigureDeltaRow = InferEntity<typeof FigureDeltaEntity>;
