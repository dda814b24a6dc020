import { marketsSubgraph } from './server.js';
export { marketsSubgraph };
/** Its persistence (schema, entities, migrations), for tools that migrate or load in bulk. */
export const marketsDatabase = marketsSubgraph.database;
/** Its dated facts and the facts derived from them, for tools that generate histories in bulk (the bench). */
export { marketFacts } from './modules/market-record/market.facts.js';
export { marketScopeFacts } from './modules/market-scope/market-scope.derived.js';
export { marketStandardFacts } from './modules/standard/market-standard.derived.js';
export { demonstrationFacts } from './modules/demonstration/demonstration.derived.js';
export { vendorFacts } from './modules/vendor/vendor.derived.js';
