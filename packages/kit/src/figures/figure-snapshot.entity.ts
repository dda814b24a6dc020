import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * Each metric's value per region (township, county, city, province) as of each report date (June 30 and December 31): a figure as
 * of any date is the snapshot of the report date before it plus at most six months of daily
 * deltas. Report date first in the key: a request's regions on one date are one index lookup each.
 */
export const FigureSnapshotEntity = defineEntity({
  name: 'FigureSnapshot',
  tableName: 'figure_snapshot',
  properties: {
    reportDate: p.date().primary(),
    regionCode: p.string().length(9).collation('C').primary(),
    metric: p.string().length(80).collation('C').primary(),
    value: p.integer(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

/** The report dates whose snapshots are complete; writes keep exactly these up to date. */
export const FigureSnapshotDateEntity = defineEntity({
  name: 'FigureSnapshotDate',
  tableName: 'figure_snapshot_date',
  properties: {
    reportDate: p.date().primary(),
  },
});

export type FigureSnapshotRow = InferEntity<typeof FigureSnapshotEntity>;
