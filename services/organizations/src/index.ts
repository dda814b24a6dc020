export { organizationsSubgraph } from './server.js';
import { organizationsSubgraph } from './server.js';
/** Its persistence (schema, entities, migrations), for tools that migrate or load in bulk. */
export const organizationsDatabase = organizationsSubgraph.database;
// Fact definitions, for tools that build history in bulk (the figures benchmark).
export { entityCoverageFacts } from './modules/coverage/entity-coverage.derived.js';
export { partyOrganizationFacts } from './modules/organization-record/party-organization.facts.js';
export { organizationStandingFacts } from './modules/standing/organization-standing.derived.js';
