import type { FactDefinition } from '@xgz/kit';
import { PartyWorkerKind } from './party-worker-kind.js';

export interface PartyWorkerFactState extends Record<string, unknown> {
  regionCode: string;
  kind: PartyWorkerKind;
  serving: boolean;
}

export const workerMetrics = {
  kind: (kind: PartyWorkerKind) => `worker.kind.${kind}`,
  all: () => Object.values(PartyWorkerKind).map((kind) => `worker.kind.${kind}`),
};

/** A worker counts under their kind while serving. */
export const partyWorkerFacts: FactDefinition<PartyWorkerFactState> = {
  subjectType: 'PartyWorker',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => (state.serving ? [workerMetrics.kind(state.kind)] : []),
};
