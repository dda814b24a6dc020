import type { EntityManager } from '@mikro-orm/postgresql';
import { factVersionsLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { marketEntityFacts } from './market-entity.facts.js';
import { MarketEntityTable, type MarketEntityRow } from './market-entity.entity.js';

export const createMarketEntityLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<MarketEntityRow>(em, MarketEntityTable, viewer),
  versions: factVersionsLoader(em, marketEntityFacts),
});
