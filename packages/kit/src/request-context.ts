import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth.js';

/** Everything a resolver may use for one request. */
export interface RequestContext<Loaders> {
  viewer: Viewer;
  /** Forked per request; every statement runs with app.region set to the viewer's region (RLS). */
  em: EntityManager;
  loaders: Loaders;
}

/** The transaction-local setting every RLS policy reads. */
export const REGION_SETTING = 'app.region';

/**
 * A fork whose statements carry the viewer's region, so PostgreSQL row-level security applies. With
 * a budget (milliseconds, or a signal), every statement it sends after it ends is refused and the one running then is
 * cancelled: its transaction rolls back, and the request answers TIMEOUT (see timeouts.ts).
 */
export const regionScopedEntityManager = (
  orm: MikroORM,
  regionCode: string,
  budget?: number | AbortSignal,
): EntityManager =>
  orm.em.fork({
    session: { variables: { [REGION_SETTING]: regionCode } },
    ...(budget
      ? {
          signal: typeof budget === 'number' ? AbortSignal.timeout(budget) : budget,
          inflightQueryAbortStrategy: 'cancel query' as const,
        }
      : {}),
  }) as EntityManager;

export type LoadersFactory<Loaders> = (em: EntityManager, viewer: Viewer) => Loaders;

/** One context per request for a verified viewer: forked EntityManager within the request's time budget, fresh DataLoaders. */
export function createRequestContextFactory<Loaders>(
  orm: MikroORM,
  createLoaders: LoadersFactory<Loaders>,
  budgetMs?: number,
) {
  return (viewer: Viewer): RequestContext<Loaders> => {
    const em = regionScopedEntityManager(orm, viewer.regionCode, budgetMs);
    return { viewer, em, loaders: createLoaders(em, viewer) };
  };
}
