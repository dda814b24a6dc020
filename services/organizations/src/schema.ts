import { extendedRegionReference, type SubgraphSchemaDefinition } from '@xgz/kit';
import { partyOrganizationReference } from './modules/party-organization/party-organization.reference.js';
import { PartyOrganizationResolver } from './modules/party-organization/party-organization.resolver.js';
import { RegionOrganizationsResolver } from './modules/region/region.resolver.js';
import { Region } from './modules/region/region.type.js';

export const organizationsSchema: SubgraphSchemaDefinition = {
  resolvers: [PartyOrganizationResolver, RegionOrganizationsResolver],
  orphanedTypes: [Region],
  references: { ...partyOrganizationReference, ...extendedRegionReference },
};
