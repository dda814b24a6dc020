import type { SubgraphDefinition } from '@xgz/kit';
import { createMarketsLoaders } from './context.js';
import { marketsDatabase } from './mikro-orm.config.js';
import { marketsSchema } from './schema.js';

/** Markets (市场): markets, their grades and standardization scope. */
export const marketsSubgraph: SubgraphDefinition<ReturnType<typeof createMarketsLoaders>> = {
  name: 'markets',
  defaultPort: 4003,
  database: marketsDatabase,
  schema: marketsSchema,
  createLoaders: createMarketsLoaders,
};
