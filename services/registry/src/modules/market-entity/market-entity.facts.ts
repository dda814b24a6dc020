import { RegistryFactType, type FactDefinition, type MarketEntityFactState } from '@xgz/kit';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

/** What of a market entity the figures follow: the state registry publishes (the kit's contract). */
export type { MarketEntityFactState } from '@xgz/kit';

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
  subjectType: RegistryFactType.MarketEntity,
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.status === MarketEntityStatus.DEREGISTERED
      ? [entityMetrics.status(state.status)]
      : [entityMetrics.existing, entityMetrics.kind(state.kind), entityMetrics.status(state.status)],
};
