import type { EntityManager } from '@mikro-orm/postgresql';
import { factVersionsLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { marketEntityFacts } from './market-entity.facts.js';
import { MarketEntityEntity, type MarketEntityRow } from './market-entity.entity.js';

export const createMarketEntityLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<MarketEntityRow>(em, MarketEntityEntity, viewer),
  versions: factVersionsLoader(em, marketEntityFacts),
});
