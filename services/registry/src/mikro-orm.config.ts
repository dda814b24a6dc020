import { FactVersionEntity, FigureDeltaEntity, type SubgraphDatabaseDefinition } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { MarketEntityEntity } from './modules/market-entity/market-entity.entity.js';
import { RegionEntity } from './modules/region/region.entity.js';

/** The registry's persistence: Postgres schema `registry`, roles registry_owner / registry_app. */
export const registryDatabase: SubgraphDatabaseDefinition = {
  name: 'registry',
  entities: [RegionEntity, MarketEntityEntity, FactVersionEntity, FigureDeltaEntity],
  migrations,
};
