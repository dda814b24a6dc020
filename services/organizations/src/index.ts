export { organizationsSubgraph } from './server.js';
export { organizationsDatabase } from './mikro-orm.config.js';
// Fact definitions, for tools that build history in bulk (the figures benchmark).
export { entityCoverageFacts } from './modules/coverage/entity-coverage.facts.js';
export { partyOrganizationFacts } from './modules/party-organization/party-organization.facts.js';
export { organizationStandingFacts } from './modules/standing/organization-standing.facts.js';
