/** Registry's member: any id resolves; each field reads only rows of the viewer's region (RLS). */
export const partyMemberReference = {
  PartyMember: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
