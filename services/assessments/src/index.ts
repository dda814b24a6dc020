export { assessmentsSubgraph } from './server.js';
export { assessmentsDatabase } from './mikro-orm.config.js';
