import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { MarketEntityEntity, type MarketEntityRow } from './market-entity.entity.js';

export const createMarketEntityLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<MarketEntityRow>(em, MarketEntityEntity, viewer),
});
