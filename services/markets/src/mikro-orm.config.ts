import type { SubgraphDatabaseDefinition } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { TradingMarketEntity } from './modules/market/market.entity.js';

/** Postgres schema `markets`, roles markets_owner / markets_app. */
export const marketsDatabase: SubgraphDatabaseDefinition = {
  name: 'markets',
  entities: [TradingMarketEntity],
  migrations,
};
