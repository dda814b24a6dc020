import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory } from '@xgz/kit';
import { partyMemberFacts, type PartyMemberFactState } from './party-member.facts.js';
import type { PartyMemberVersion } from './party-member.type.js';

/** The member's versions as GraphQL objects (no personal data: the history follows states only). */
export async function partyMemberHistory(em: EntityManager, id: string): Promise<PartyMemberVersion[]> {
  const rows = await new FactHistory(em, partyMemberFacts).audit(id);
  return rows.map((row) => {
    const state = row.state as PartyMemberFactState;
    return {
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
      category: state.category,
      relationshipType: state.relationshipType,
      findingState: state.findingState,
      sanliangDone: state.sanliangDone,
      status: state.status,
      reason: row.reason,
      recordedAt: row.recordedAt,
      recordedBy: row.recordedBy,
      superseded: row.supersededAt != null,
    };
  });
}
