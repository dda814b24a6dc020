import type { MarketsContext } from '../../context.js';

/** Out-of-region markets resolve to null. */
export const marketReference = {
  Market: {
    __resolveReference: (reference: { id: string }, ctx: MarketsContext) => ctx.loaders.markets.byId.load(reference.id),
  },
};
