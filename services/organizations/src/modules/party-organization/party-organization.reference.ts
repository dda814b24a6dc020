import type { OrganizationsContext } from '../../context.js';

/** Out-of-region organizations resolve to null. */
export const partyOrganizationReference = {
  PartyOrganization: {
    __resolveReference: (reference: { id: string }, ctx: OrganizationsContext) =>
      ctx.loaders.partyOrganizations.byId.load(reference.id),
  },
};
