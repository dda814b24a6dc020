import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { FeedSubscription } from './feed/fact-feed-consumer.js';
import type { DerivedFactDefinition } from './history/derived-facts.js';
import type { FactDefinition } from './history/fact-history.js';
import type { TextRule } from './input-guard.js';
import type { Viewer } from './auth.js';
import type { SettingsGroup } from './settings.js';
import type { ReferenceResolvers } from './subgraph-schema.js';
import type { BackgroundWorker } from './subgraph.js';

/** The kit's features a module may rely on; each brings its own tables (see kit-features.ts). */
export type KitFeature = 'history' | 'derivedFacts' | 'figures' | 'fedCopy' | 'audit';

/**
 * One aggregate (or one extension of another subgraph's type) with everything it brings to its
 * subgraph. A subgraph is a list of modules: adding an aggregate is its folder and one line there.
 */
export interface SubgraphModule<Loaders extends object = object> {
  /** Its folder's name; unique within the subgraph. */
  name: string;
  /** MikroORM entities of its own tables. */
  entities?: readonly EntitySchema<any, any>[];
  /** type-graphql resolver classes. */
  resolvers?: readonly Function[];
  /** Foreign entity stubs (federation `@key` types owned elsewhere) no query reaches directly. */
  orphanedTypes?: readonly Function[];
  /** `__resolveReference` per entity type it owns or extends. */
  references?: ReferenceResolvers;
  /** Its request-scoped DataLoaders, merged into the context's `loaders` under their names. */
  loaders?: (em: EntityManager, viewer: Viewer) => Loaders;
  /** The domain error codes its resolvers may throw (published in the subgraph's error-code enum). */
  errorCodes?: Readonly<Record<string, string>>;
  /** Text rules by argument or input-field name, beyond the one-line 200-character default (a function when they follow settings). */
  textRules?: Readonly<Record<string, TextRule>> | (() => Readonly<Record<string, TextRule>>);
  /** Its settings, bound from the subgraph's environment when it starts. */
  settings?: readonly SettingsGroup<unknown>[];
  /** Its own dated facts (kept in the kit's fact history). */
  facts?: readonly FactDefinition<any>[];
  /** Figure metrics it keeps (deltas and snapshots); the `figures` loader answers them all. */
  metrics?: readonly string[];
  /** Subject types of its facts (own or derived) that other subgraphs may copy through the feed. */
  publishes?: readonly string[];
  /** Another subgraph's facts it copies through the feed. */
  subscriptions?: readonly FeedSubscription[];
  /** Its derived dated facts, each brought to its current rule before the subgraph serves. */
  derivedFacts?: readonly DerivedFactDefinition<any, any>[];
  /** Work it runs beside serving requests. */
  workers?: readonly BackgroundWorker[];
  /** Kit features it uses beyond those its declarations imply (e.g. `audit` for an audit trail). */
  uses?: readonly KitFeature[];
}

/** Declares a module; the identity function, so its loaders' type reaches the subgraph's context. */
export function defineModule<const Loaders extends object = object>(module: SubgraphModule<Loaders>) {
  return module;
}
