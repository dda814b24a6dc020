import type { EntityManager } from '@mikro-orm/postgresql';
import {
  FindingState,
  MembershipStatus,
  RegistryFactType,
  domainError,
  requireFedRecords,
  type FedRecord,
} from '@xgz/kit';
import type { FedMemberState } from '../coverage/entity-coverage.derived.js';
import { beforeRegistration, OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';

/**
 * Party members as registry last reported them, each visible to the caller (NOT_FOUND otherwise)
 * and on the books — active and not a false record (MEMBER_NOT_ON_BOOKS otherwise).
 */
export async function membersOnBooks(
  em: EntityManager,
  ids: readonly string[],
  argument: string,
): Promise<Map<string, FedRecord<FedMemberState>>> {
  const members = await requireFedRecords<FedMemberState>(
    em,
    RegistryFactType.PartyMember,
    ids,
    argument,
    'party member',
  );
  for (const member of members.values()) {
    if (member.state.status !== MembershipStatus.ACTIVE || member.state.findingState === FindingState.FALSE_RECORD) {
      throw domainError(
        OrganizationsErrorCode.MemberNotOnBooks,
        `${argument}: party member ${member.id} is not on the books (status ${member.state.status}).`,
      );
    }
  }
  return members;
}

/**
 * membersOnBooks, and each placed inside the organization's region: whoever may read the
 * organization may then read them (a member of another region would read as null there). With
 * `from`, each must have been registered by that day.
 */
export async function membersInOrganization(
  em: EntityManager,
  organization: { name: string; regionCode: string },
  ids: readonly string[],
  argument: string,
  from?: { date: string; argument: string },
): Promise<Map<string, FedRecord<FedMemberState>>> {
  const members = await membersOnBooks(em, ids, argument);
  for (const member of members.values()) {
    if (!member.regionCode.startsWith(organization.regionCode)) {
      throw domainError(
        OrganizationsErrorCode.MemberOutsideOrganization,
        `${argument}: party member ${member.id} is placed at ${member.regionCode}, outside ${organization.name}'s region ${organization.regionCode}.`,
      );
    }
    if (from && from.date < member.since)
      throw beforeRegistration(from.argument, 'party member', member.id, from.date, member.since);
  }
  return members;
}
