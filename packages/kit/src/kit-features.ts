import type { EntitySchema } from '@mikro-orm/postgresql';
import { AuditEventEntity } from './audit/audit-event.entity.js';
import { FedFactEntity, FeedCursorEntity } from './feed/fed-fact.entity.js';
import { FigureDeltaEntity } from './figures/figure-delta.entity.js';
import { FigureSnapshotDateEntity, FigureSnapshotEntity } from './figures/figure-snapshot.entity.js';
import { DerivedFactRevisionEntity } from './history/derived-fact-revision.entity.js';
import { FactVersionEntity } from './history/fact-version.entity.js';
import type { KitFeature, SubgraphModule } from './subgraph-module.js';

/** The tables each kit feature keeps in a subgraph's schema. */
export const kitFeatureEntities: Record<KitFeature, readonly EntitySchema<any, any>[]> = {
  history: [FactVersionEntity],
  derivedFacts: [DerivedFactRevisionEntity, FactVersionEntity],
  figures: [FigureDeltaEntity, FigureSnapshotEntity, FigureSnapshotDateEntity],
  fedCopy: [FedFactEntity, FeedCursorEntity],
  audit: [AuditEventEntity],
};

/** The kit features a module uses: those it names, and those its declarations imply. */
export function featuresOf(module: SubgraphModule<any>): Set<KitFeature> {
  const features = new Set<KitFeature>(module.uses ?? []);
  if (module.facts?.length || module.publishes?.length) features.add('history');
  if (module.derivedFacts?.length) features.add('derivedFacts');
  if (module.metrics?.length) features.add('figures');
  if (module.subscriptions?.length) features.add('fedCopy');
  return features;
}
