import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, Viewer } from '@xgz/kit';
import { createMarketLoaders } from './modules/market/market.loaders.js';

export const createMarketsLoaders = (em: EntityManager, viewer: Viewer) => ({
  markets: createMarketLoaders(em, viewer),
});

export type MarketsContext = RequestContext<ReturnType<typeof createMarketsLoaders>>;
