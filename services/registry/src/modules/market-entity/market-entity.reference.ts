import type { RegistryContext } from '../../context.js';

/** Out-of-region entities resolve to null. */
export const marketEntityReference = {
  MarketEntity: {
    __resolveReference: (reference: { id: string }, ctx: RegistryContext) =>
      ctx.loaders.marketEntities.byId.load(reference.id),
  },
};
