import type { EntityManager } from '@mikro-orm/postgresql';
import {
  RegistryFactType,
  WRITER_ROLES,
  assertRole,
  assertUuid,
  domainError,
  endDatedLink,
  figureDate,
  findPage,
  inForceOn,
  lockDerivedRecords,
  requireFedRecords,
  type Viewer,
} from '@xgz/kit';
import { presentMembership } from './life-membership.type.js';
import { membersInOrganization } from '../party-member/fed-members.js';
import { OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import { LifeMembershipEntity, type LifeMembershipRow } from './life-membership.entity.js';
import { memberLifeFacts, rederiveMemberLife } from './member-life.derived.js';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';

/**
 * A member takes part in an organization's life from a date (编入支部). A member belongs to one
 * organization's life at a time: joining another ends the current membership that day (a move).
 */
export function joinOrganizationLife(
  em: EntityManager,
  viewer: Viewer,
  memberId: string,
  organizationId: string,
  fromDate: string,
): Promise<LifeMembershipRow> {
  assertRole(viewer, WRITER_ROLES, 'change organization life');
  assertUuid(memberId, 'memberId');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: fromDate,
    dateArgument: 'fromDate',
    apply: async (organization, tx) => {
      const member = (
        await membersInOrganization(tx, organization, [memberId], 'memberId', { date: fromDate, argument: 'fromDate' })
      ).get(memberId)!;
      // One writer per member at a time (the same lock re-deriving them takes).
      await lockDerivedRecords(tx, memberLifeFacts.subjectType, [memberId]);
      const open = await tx.findOne(LifeMembershipEntity, { memberId, toDate: null });
      if (open?.organizationId === organization.id) {
        throw domainError(
          OrganizationsErrorCode.MembershipOpen,
          `Member ${memberId} takes part in ${organization.name}'s life since ${open.fromDate} already.`,
        );
      }
      if (open) {
        // A second move on the day of the first withdraws the first (it held on no day).
        endDatedLink(tx, open, fromDate, 'fromDate', "the date the member joined their current organization's life");
        // Closed before the new one is inserted: the unit of work inserts before it updates.
        await tx.flush();
      }
      return tx.create(LifeMembershipEntity, {
        regionCode: member.regionCode,
        memberId,
        organizationId: organization.id,
        fromDate,
        toDate: null,
        lastChangeOn: fromDate,
      });
    },
    derive: (tx) => rederiveMemberLife(tx, [memberId], viewer.subject),
    audit: { action: 'JOIN_ORGANIZATION_LIFE', detail: { memberId } },
  });
}

/** A member leaves the organization life they take part in, from a date (they then belong to none). */
export async function leaveOrganizationLife(
  em: EntityManager,
  viewer: Viewer,
  memberId: string,
  leftOn: string,
): Promise<LifeMembershipRow> {
  assertRole(viewer, WRITER_ROLES, 'change organization life');
  assertUuid(memberId, 'memberId');
  // A member the caller may not see is NOT_FOUND, like any unknown id (a departed member may still leave).
  await requireFedRecords(em, RegistryFactType.PartyMember, [memberId], 'memberId', 'party member');
  const open = await em.findOne(LifeMembershipEntity, { memberId, toDate: null });
  if (!open)
    throw domainError(
      OrganizationsErrorCode.NotInOrganizationLife,
      `Member ${memberId} takes part in no organization's life in your region now.`,
    );
  return writeOrganizationEvent(em, viewer, {
    organizationId: open.organizationId,
    on: leftOn,
    dateArgument: 'leftOn',
    alive: 'NOT_REQUIRED',
    apply: async (_organization, tx) => {
      await lockDerivedRecords(tx, memberLifeFacts.subjectType, [memberId]);
      const current = await tx.findOne(LifeMembershipEntity, { id: open.id, toDate: null });
      if (!current)
        throw domainError(
          OrganizationsErrorCode.NotInOrganizationLife,
          `Member ${memberId} left that organization's life meanwhile.`,
        );
      endDatedLink(tx, current, leftOn, 'leftOn', "the date the member joined the organization's life");
      return current;
    },
    derive: (tx) => rederiveMemberLife(tx, [memberId], viewer.subject),
    audit: { action: 'LEAVE_ORGANIZATION_LIFE', detail: { memberId } },
  });
}

/** The membership of each member in force on a date, batched (a loader). */
export async function membershipsOn(
  em: EntityManager,
  memberIds: readonly string[],
  date: string,
): Promise<Map<string, LifeMembershipRow>> {
  const rows = await em.find(LifeMembershipEntity, { memberId: { $in: [...memberIds] }, ...inForceOn(date) });
  return new Map(rows.map((row) => [row.memberId, row]));
}

/** Each member's memberships, oldest first (the first MAX_HISTORY), in one statement. */
export async function membershipHistories(
  em: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, LifeMembershipRow[]>> {
  const rows = await em.find(
    LifeMembershipEntity,
    { memberId: { $in: [...memberIds] } },
    { orderBy: { memberId: 'asc', fromDate: 'asc' } },
  );
  const histories = new Map<string, LifeMembershipRow[]>();
  for (const row of rows) {
    const history = histories.get(row.memberId) ?? [];
    if (history.length < MAX_HISTORY) history.push(row);
    histories.set(row.memberId, history);
  }
  return histories;
}

/** The most memberships one member's history shows. */
export const MAX_HISTORY = 50;

/** The members taking part in an organization's life on a date (today when omitted), a page at a time. */
export function listOrganizationMembers(
  em: EntityManager,
  organizationId: string,
  asOf: string | null | undefined,
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const date = figureDate(asOf);
  return findPage(em, LifeMembershipEntity, { organizationId, ...inForceOn(date) }, page, presentMembership);
}
