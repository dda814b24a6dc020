import { defineSubgraph } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { marketsModules } from './markets.modules.js';

/** Markets (市场): the market ledger, grades and stars, the standardization scope. Postgres schema `markets`. */
export const marketsSubgraph = defineSubgraph({
  name: 'markets',
  defaultPort: 4003,
  modules: marketsModules,
  migrations,
  errorCodeEnum: 'MarketsErrorCode',
  // Registry checks an entity's market, organizations a host or a worker's market, against their copies.
  feedConsumers: ['registry', 'organizations'],
});
