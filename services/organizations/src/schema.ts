import { extendedRegionReference, type SubgraphSchemaDefinition } from '@xgz/kit';
import { MarketEntityOrganizationsResolver } from './modules/market-entity/market-entity.resolver.js';
import { MarketEntity } from './modules/market-entity/market-entity.type.js';
import { partyOrganizationReference } from './modules/party-organization/party-organization.reference.js';
import { PartyOrganizationResolver } from './modules/party-organization/party-organization.resolver.js';
import { PartyWorkerResolver } from './modules/party-worker/party-worker.resolver.js';
import { RegionOrganizationsResolver } from './modules/region/region.resolver.js';
import { Region } from './modules/region/region.type.js';

export const organizationsSchema: SubgraphSchemaDefinition = {
  resolvers: [PartyOrganizationResolver, PartyWorkerResolver, RegionOrganizationsResolver, MarketEntityOrganizationsResolver],
  orphanedTypes: [Region, MarketEntity],
  references: {
    ...partyOrganizationReference,
    ...extendedRegionReference,
    // Registry's entity: any id resolves; each field reads only rows of the viewer's region.
    MarketEntity: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  },
};
