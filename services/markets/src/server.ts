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
  // Registry checks an entity's market against its copy of markets' markets.
  feedConsumers: ['registry'],
});
