import type { RegistryContext } from '../../context.js';

/** Out-of-region members resolve to null. */
export const partyMemberReference = {
  PartyMember: {
    __resolveReference: (reference: { id: string }, ctx: RegistryContext) =>
      ctx.loaders.partyMembers.byId.load(reference.id),
  },
};
