import { marketsSubgraph } from './server.js';
export { marketsSubgraph };
/** Its persistence (schema, entities, migrations), for tools that migrate or load in bulk. */
export const marketsDatabase = marketsSubgraph.database;
