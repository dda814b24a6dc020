import type { AssessmentsContext } from '../../context.js';

/** Out-of-region inspections resolve to null. */
export const inspectionReference = {
  Inspection: {
    __resolveReference: (reference: { id: string }, ctx: AssessmentsContext) =>
      ctx.loaders.inspections.byId.load(reference.id),
  },
};
