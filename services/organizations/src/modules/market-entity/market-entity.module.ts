import { defineModule } from '@xgz/kit';
import { MarketEntityOrganizationsResolver } from './market-entity.resolver.js';
import { MarketEntity } from './market-entity.type.js';

/** Registry's market entity, extended with the organizations covering it. */
export const marketEntityModule = defineModule({
  name: 'market-entity',
  resolvers: [MarketEntityOrganizationsResolver],
  orphanedTypes: [MarketEntity],
  // Any id resolves; each field reads only rows of the viewer's region.
  references: { MarketEntity: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
});
