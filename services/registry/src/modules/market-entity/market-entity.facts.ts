import type { FactDefinition } from '@xgz/kit';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

/** What of a market entity the figures follow. */
export interface MarketEntityFactState extends Record<string, unknown> {
  kind: MarketEntityKind;
  status: MarketEntityStatus;
  regionCode: string;
  /** Staff (从业人员); null when unknown. Organizations' coverage denominators may count by it. */
  employees: number | null;
}

export const entityMetrics = {
  existing: 'entity.existing',
  kind: (kind: MarketEntityKind) => `entity.kind.${kind}`,
  status: (status: MarketEntityStatus) => `entity.status.${status}`,
  all(): string[] {
    return [
      this.existing,
      ...Object.values(MarketEntityKind).map(this.kind),
      ...Object.values(MarketEntityStatus).map(this.status),
    ];
  },
};

/**
 * An entity counts under its status while it exists in the registers, and under its kind and
 * "existing" until it is deregistered.
 */
export const marketEntityFacts: FactDefinition<MarketEntityFactState> = {
  subjectType: 'MarketEntity',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.status === MarketEntityStatus.DEREGISTERED
      ? [entityMetrics.status(state.status)]
      : [entityMetrics.existing, entityMetrics.kind(state.kind), entityMetrics.status(state.status)],
};
