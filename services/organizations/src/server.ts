import type { SubgraphDefinition } from '@xgz/kit';
import { createOrganizationsLoaders } from './context.js';
import { organizationsDatabase } from './mikro-orm.config.js';
import { organizationsSchema } from './schema.js';
import { entityCoverageFacts } from './modules/coverage/entity-coverage.facts.js';
import { registryFactsSubscription } from './modules/coverage/registry-facts.subscription.js';
import { memberLifeFacts } from './modules/organization-life/member-life.facts.js';
import { organizationStandingFacts } from './modules/standing/organization-standing.facts.js';

/** Organizations (党组织): the organization tree, how each was formed, and what it covers. */
export const organizationsSubgraph: SubgraphDefinition<ReturnType<typeof createOrganizationsLoaders>> = {
  name: 'organizations',
  defaultPort: 4002,
  database: organizationsDatabase,
  schema: organizationsSchema,
  createLoaders: createOrganizationsLoaders,
  // Coverage counts entities by registry's facts: a dated copy fed by registry, never its tables.
  // It publishes its organizations; no subgraph copies them yet (markets and assessments will name themselves here).
  feed: { publishes: { types: ['PartyOrganization'], consumers: [] }, subscriptions: [registryFactsSubscription] },
  derivedFacts: [entityCoverageFacts, organizationStandingFacts, memberLifeFacts],
};
