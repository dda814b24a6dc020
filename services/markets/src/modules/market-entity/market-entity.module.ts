import { defineModule, type SubgraphModule } from '@xgz/kit';
import { MarketEntityMarketsResolver } from './market-entity.resolver.js';
import { MarketEntity } from './market-entity.type.js';

/** Registry's market entity, extended with the markets it operates. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketEntityModule: SubgraphModule = defineModule({
  name: 'market-entity',
  resolvers: [MarketEntityMarketsResolver],
  orphanedTypes: [MarketEntity],
  // Any id resolves; each field reads only rows of the viewer's region.
  references: { MarketEntity: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
});
