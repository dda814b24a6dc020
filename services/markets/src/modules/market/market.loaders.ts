import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, regionSubtreeCountLoader, type Viewer } from '@xgz/kit';
import { TradingMarketEntity, type MarketRow } from './market.entity.js';

export const createMarketLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<MarketRow>(em, TradingMarketEntity, viewer),
  countByRegion: regionSubtreeCountLoader(em, { table: 'market' }),
});
