export { marketsSubgraph } from './server.js';
export { marketsDatabase } from './mikro-orm.config.js';
