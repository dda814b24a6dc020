import { defineModule } from '@xgz/kit';
import { partyMemberReference } from './party-member.reference.js';
import { PartyMember } from './party-member.type.js';

/** Registry's party member, extended with the organization life it takes part in. */
export const partyMemberModule = defineModule({
  name: 'party-member',
  orphanedTypes: [PartyMember],
  references: partyMemberReference,
});
