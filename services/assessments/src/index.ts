import { assessmentsSubgraph } from './server.js';
export { assessmentsSubgraph };
/** Its persistence (schema, entities, migrations), for tools that migrate or load in bulk. */
export const assessmentsDatabase = assessmentsSubgraph.database;
