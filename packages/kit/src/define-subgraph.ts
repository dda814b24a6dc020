import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';
import type { Viewer } from './auth.js';
import { figuresLoader } from './figures/figures.loader.js';
import type { TextRule } from './input-guard.js';
import { featuresOf, kitFeatureEntities, migrationsOfFeatures } from './kit-features.js';
import { kitMigrationObjects } from './kit-migration.js';
import type { SubgraphDatabaseDefinition } from './orm.js';
import type { RequestContext } from './request-context.js';
import type { KitFeature, SubgraphModule } from './subgraph-module.js';
import type { ReferenceResolvers, SubgraphSchemaDefinition } from './subgraph-schema.js';
import type { SubgraphDefinition } from './subgraph.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type LoadersOfModule<M> = M extends SubgraphModule<infer Loaders> ? Loaders : never;

/** The `loaders` of a request in a subgraph made of these modules: each module's, and the kit's `figures`. */
export type SubgraphLoaders<Modules extends readonly SubgraphModule<any>[]> = UnionToIntersection<
  LoadersOfModule<Modules[number]>
> & { figures: ReturnType<typeof figuresLoader> };

/** What a resolver of a subgraph made of these modules is given. */
export type SubgraphContext<Modules extends readonly SubgraphModule<any>[]> = RequestContext<SubgraphLoaders<Modules>>;

export interface SubgraphAssembly<Modules extends readonly SubgraphModule<any>[]> {
  name: string;
  /** Port in development and in the committed supergraph's URLs (http://localhost:<port>/graphql). */
  defaultPort: number;
  /** Its aggregates, in the order their types appear in the schema. */
  modules: Modules;
  /**
   * Its own migrations, applied in order on start (each file from `pnpm migration:create <name>`)
   * after the kit's migrations of the features its modules use: kit tables are never made here.
   */
  migrations: SubgraphDatabaseDefinition['migrations'];
  /** Name of the enum publishing the modules' error codes, e.g. `RegistryErrorCode`. */
  errorCodeEnum?: string;
  /** Subgraphs allowed to copy the facts its modules publish. */
  feedConsumers?: readonly string[];
}

/** A subgraph as it is served: the assembly of its modules, with what they bring put together. */
export interface AssembledSubgraph<Loaders> extends SubgraphDefinition<Loaders> {
  modules: readonly SubgraphModule<any>[];
  /** The kit features its modules use (their tables are in `database.entities`). */
  features: ReadonlySet<KitFeature>;
  /** Every figure metric its modules keep. */
  metrics: readonly string[];
}

/**
 * Puts a subgraph together from its modules: entities with the tables of the kit features they use,
 * resolvers, references, error codes, text rules, loaders, metrics, facts, feed and workers.
 * Refuses, at start, two modules claiming one name: a loader, a text rule, a reference, an error code.
 */
export function defineSubgraph<const Modules extends readonly SubgraphModule<any>[]>(
  assembly: SubgraphAssembly<Modules>,
): AssembledSubgraph<SubgraphLoaders<Modules>> {
  const { modules } = assembly;
  const claim = claimsOf(assembly.name);
  for (const module of modules) claim('module', module.name, module.name);
  const features = new Set(modules.flatMap((module) => [...featuresOf(module)]));
  const entities = unique([
    ...modules.flatMap((module) => module.entities ?? []),
    ...[...features].flatMap((feature) => kitFeatureEntities[feature]),
  ]);
  const resolvers = modules.flatMap((module) => module.resolvers ?? []);
  if (resolvers.length === 0) throw new Error(`subgraph ${assembly.name}: no module declares a resolver`);
  const references: ReferenceResolvers = {};
  const errorCodes: Record<string, string> = {};
  for (const module of modules) {
    for (const [type, reference] of Object.entries(module.references ?? {})) {
      // The same reference object may come from two modules (the kit's extended Region); two different ones may not.
      if (references[type] !== reference) claim('reference', type, module.name);
      references[type] = reference;
    }
    for (const name of Object.keys(textRulesOf(module))) claim('text rule', name, module.name);
    for (const code of Object.values(module.errorCodes ?? {})) {
      claim('error code', code, module.name);
      errorCodes[code] = code;
    }
  }
  if (Object.keys(errorCodes).length > 0 && !assembly.errorCodeEnum)
    throw new Error(`subgraph ${assembly.name}: its modules declare error codes; name their enum (errorCodeEnum)`);
  const facts = modules.flatMap((module) => module.facts ?? []);
  const publishes = modules.flatMap((module) => module.publishes ?? []);
  // Own facts or derived ones (a market with an organization inside): both are dated histories in fact_version.
  const published = [...facts, ...modules.flatMap((module) => module.derivedFacts ?? [])];
  for (const type of publishes) {
    if (!published.some((fact) => fact.subjectType === type))
      throw new Error(`subgraph ${assembly.name} publishes ${type}, which none of its modules' facts is`);
  }
  const metrics = modules.flatMap((module) => module.metrics ?? []);
  const schema: SubgraphSchemaDefinition = {
    resolvers: resolvers as NonEmptyArray<Function>,
    orphanedTypes: unique(modules.flatMap((module) => module.orphanedTypes ?? [])),
    references,
    // Read when the schema is built (the subgraph's settings bound by then), not at definition.
    get textRules() {
      return Object.assign({}, ...modules.map(textRulesOf)) as Record<string, TextRule>;
    },
    ...(assembly.errorCodeEnum ? { errorCodes: { enumName: assembly.errorCodeEnum, codes: errorCodes } } : {}),
  };
  const subscriptions = modules.flatMap((module) => module.subscriptions ?? []);
  return {
    name: assembly.name,
    defaultPort: assembly.defaultPort,
    modules,
    features,
    metrics,
    database: {
      name: assembly.name,
      entities: entities as EntitySchema<any, any>[],
      migrations: [...kitMigrationObjects(migrationsOfFeatures(features), assembly.name), ...assembly.migrations],
    },
    schema,
    createLoaders: loadersOf(assembly.name, modules, metrics),
    feed: {
      ...(publishes.length ? { publishes: { types: publishes, consumers: assembly.feedConsumers ?? [] } } : {}),
      ...(subscriptions.length ? { subscriptions } : {}),
    },
    derivedFacts: modules.flatMap((module) => module.derivedFacts ?? []),
    settings: unique(modules.flatMap((module) => module.settings ?? [])),
    workers: modules.flatMap((module) => module.workers ?? []),
  };
}

/** Merges each module's loaders per request; two modules naming one loader is a mistake, said on the first request. */
function loadersOf<Loaders>(name: string, modules: readonly SubgraphModule<any>[], metrics: readonly string[]) {
  let checked = false;
  return (em: EntityManager, viewer: Viewer): Loaders => {
    const loaders: Record<string, unknown> = { figures: figuresLoader(em, metrics) };
    for (const module of modules) {
      const own = module.loaders?.(em, viewer) ?? {};
      if (!checked) {
        const taken = Object.keys(own).filter((key) => key in loaders);
        if (taken.length)
          throw new Error(`subgraph ${name}: module ${module.name} names loaders already taken: ${taken}`);
      }
      Object.assign(loaders, own);
    }
    checked = true;
    return loaders as Loaders;
  };
}

function claimsOf(subgraph: string) {
  const claimed = new Map<string, string>();
  return (what: string, name: string, module: string) => {
    const key = `${what}:${name}`;
    const holder = claimed.get(key);
    if (holder !== undefined)
      throw new Error(`subgraph ${subgraph}: ${what} ${name} is claimed by ${holder} and ${module}`);
    claimed.set(key, module);
  };
}

const textRulesOf = (module: SubgraphModule<any>): Readonly<Record<string, TextRule>> =>
  typeof module.textRules === 'function' ? module.textRules() : (module.textRules ?? {});

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
