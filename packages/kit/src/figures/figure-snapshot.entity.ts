import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * Each metric's value per township as of each report date (June 30 and December 31): a figure as
 * of any date is the snapshot of the report date before it plus at most six months of daily
 * deltas. Report date first in the key, so one date of one province is one index range.
 */
export const FigureSnapshotEntity = defineEntity({
  name: 'FigureSnapshot',
  tableName: 'figure_snapshot',
  properties: {
    reportDate: p.date().primary(),
    townshipCode: p.string().length(9).collation('C').primary(),
    metric: p.string().length(80).collation('C').primary(),
    value: p.integer(),
  },
  policies: [regionScopePolicy<{ townshipCode: string }>('townshipCode')],
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
