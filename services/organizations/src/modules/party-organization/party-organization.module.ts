import { defineModule, type SubgraphModule } from '@xgz/kit';
import { PartyOrganizationEntity } from '../organization-record/party-organization.entity.js';
import { OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import { partyOrganizationFacts } from '../organization-record/party-organization.facts.js';
import { createPartyOrganizationLoaders } from './party-organization.loaders.js';
import { partyOrganizationReference } from './party-organization.reference.js';
import { PartyOrganizationResolver } from './party-organization.resolver.js';
import { organizationsSettings } from '../../organizations.settings.js';

type Loaders = { partyOrganizations: ReturnType<typeof createPartyOrganizationLoaders> };

/** Party organizations (党组织): the tree, how each was formed (单独建, 联合建…), dissolved and re-formed. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const partyOrganizationModule: SubgraphModule<Loaders> = defineModule({
  name: 'party-organization',
  settings: [organizationsSettings],
  entities: [PartyOrganizationEntity],
  resolvers: [PartyOrganizationResolver],
  references: partyOrganizationReference,
  loaders: (em, viewer) => ({ partyOrganizations: createPartyOrganizationLoaders(em, viewer) }),
  errorCodes: OrganizationsErrorCode,
  facts: [partyOrganizationFacts],
  // No subgraph copies them yet (markets and assessments will name themselves in feedConsumers).
  publishes: [partyOrganizationFacts.subjectType],
  uses: ['audit'],
});
