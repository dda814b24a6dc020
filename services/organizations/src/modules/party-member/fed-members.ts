import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError, requireFedRecords, type FedRecord } from '@xgz/kit';
import type { FedMemberState } from '../coverage/entity-coverage.facts.js';
import { OrganizationErrorCode } from '../party-organization/party-organization.errors.js';

/**
 * Party members as registry last reported them, each visible to the caller (NOT_FOUND otherwise)
 * and on the books — active and not a false record (MEMBER_NOT_ON_BOOKS otherwise).
 */
export async function membersOnBooks(em: EntityManager, ids: readonly string[], argument: string): Promise<Map<string, FedRecord<FedMemberState>>> {
  const members = await requireFedRecords<FedMemberState>(em, 'PartyMember', ids, argument, 'party member');
  for (const member of members.values()) {
    if (member.state.status !== 'ACTIVE' || member.state.findingState === 'FALSE_RECORD') {
      throw domainError(OrganizationErrorCode.MemberNotOnBooks, `${argument}: party member ${member.id} is not on the books (status ${member.state.status}).`);
    }
  }
  return members;
}
