import { defineModule, type SubgraphModule } from '@xgz/kit';
import { PartyMemberEntity } from './party-member.entity.js';
import { PartyMemberErrorCode } from './party-member.errors.js';
import { memberMetrics, partyMemberFacts } from './party-member.facts.js';
import { createPartyMemberLoaders } from './party-member.loaders.js';
import { partyMemberReference } from './party-member.reference.js';
import { PartyMemberResolver } from './party-member.resolver.js';

/** Party members (党员) on the books of the units where they work. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const partyMemberModule: SubgraphModule<{ partyMembers: ReturnType<typeof createPartyMemberLoaders> }> =
  defineModule({
    name: 'party-member',
    entities: [PartyMemberEntity],
    resolvers: [PartyMemberResolver],
    references: partyMemberReference,
    loaders: (em, viewer) => ({ partyMembers: createPartyMemberLoaders(em, viewer) }),
    errorCodes: PartyMemberErrorCode,
    facts: [partyMemberFacts],
    metrics: memberMetrics.all(),
    publishes: [partyMemberFacts.subjectType],
    uses: ['audit'],
    textRules: {
      /** Why a member left or moved. */
      reason: { maxLength: 1_000, multiline: true },
    },
  });
