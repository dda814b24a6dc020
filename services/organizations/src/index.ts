export { organizationsSubgraph } from './server.js';
export { organizationsDatabase } from './mikro-orm.config.js';
