import type { OrganizationsContext } from '../../context.js';
import { presentWorker } from './party-worker.service.js';

/** A worker another subgraph names (a market's assigned worker): masked for the viewer; out of region, null. */
export const partyWorkerReference = {
  PartyWorker: {
    __resolveReference: async (reference: { id: string }, ctx: OrganizationsContext) => {
      const row = await ctx.loaders.partyWorkers.byId.load(reference.id);
      return row ? presentWorker(ctx.viewer, row) : null;
    },
  },
};
