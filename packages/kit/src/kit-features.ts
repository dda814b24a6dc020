import type { EntitySchema } from '@mikro-orm/postgresql';
import { AuditEventEntity } from './audit/audit-event.entity.js';
import { auditMigrations } from './audit/audit.migrations.js';
import { fedCopyMigrations } from './feed/fed-copy.migrations.js';
import { FedFactEntity, FeedCursorEntity } from './feed/fed-fact.entity.js';
import { FigureDeltaEntity } from './figures/figure-delta.entity.js';
import { FigureSnapshotDateEntity, FigureSnapshotEntity } from './figures/figure-snapshot.entity.js';
import { figuresMigrations } from './figures/figures.migrations.js';
import { DerivedFactRevisionEntity } from './history/derived-fact-revision.entity.js';
import { FactVersionEntity } from './history/fact-version.entity.js';
import { derivedFactMigrations, historyMigrations } from './history/history.migrations.js';
import type { KitMigration } from './kit-migration.js';
import type { KitFeature, SubgraphModule } from './subgraph-module.js';

/** The tables each kit feature keeps in a subgraph's schema. */
export const kitFeatureEntities: Record<KitFeature, readonly EntitySchema<any, any>[]> = {
  history: [FactVersionEntity],
  derivedFacts: [DerivedFactRevisionEntity, FactVersionEntity],
  figures: [FigureDeltaEntity, FigureSnapshotEntity, FigureSnapshotDateEntity],
  fedCopy: [FedFactEntity, FeedCursorEntity],
  audit: [AuditEventEntity],
};

/** The kit's own migrations of each feature's tables, applied to the schema of every subgraph that uses it. */
export const kitFeatureMigrations: Record<KitFeature, readonly KitMigration[]> = {
  history: historyMigrations,
  derivedFacts: [...historyMigrations, ...derivedFactMigrations],
  figures: figuresMigrations,
  fedCopy: fedCopyMigrations,
  audit: auditMigrations,
};

/** The migrations of these features, each once, in the order they were written (their names sort so). */
export function migrationsOfFeatures(features: Iterable<KitFeature>): KitMigration[] {
  const byName = new Map<string, KitMigration>();
  for (const feature of features)
    for (const migration of kitFeatureMigrations[feature]) byName.set(migration.name, migration);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The kit features a module uses: those it names, and those its declarations imply. */
export function featuresOf(module: SubgraphModule<any>): Set<KitFeature> {
  const features = new Set<KitFeature>(module.uses ?? []);
  if (module.facts?.length || module.publishes?.length) features.add('history');
  if (module.derivedFacts?.length) features.add('derivedFacts');
  if (module.metrics?.length) features.add('figures');
  if (module.subscriptions?.length) features.add('fedCopy');
  return features;
}
