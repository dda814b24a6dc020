import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertRole,
  assertUuid,
  domainError,
  endDatedLink,
  inForceOn,
  lockForUpdate,
  notFound,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { membersInOrganization } from '../party-member/fed-members.js';
import { OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import { OrganizationRoleKind } from './organization-role-kind.js';
import { OrganizationRoleEntity, type OrganizationRoleRow } from './organization-role.entity.js';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';

/** Posts one member holds at a time: a new secretary succeeds the last on the day they take office. */
const SINGLE_HOLDER = new Set([OrganizationRoleKind.SECRETARY]);

/**
 * A member takes a post in an organization from a date (任职): secretary, deputy or committee
 * member. The member must be on the books and visible to the caller; a secretary's predecessor
 * leaves office that day.
 */
export function appointToOrganization(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  memberId: string,
  role: OrganizationRoleKind,
  fromDate: string,
): Promise<OrganizationRoleRow> {
  assertRole(viewer, WRITER_ROLES, 'appoint organization posts');
  assertUuid(memberId, 'memberId');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: fromDate,
    dateArgument: 'fromDate',
    check: async (organization, tx) => {
      await membersInOrganization(tx, organization, [memberId], 'memberId', { date: fromDate, argument: 'fromDate' });
      const held = await tx.findOne(OrganizationRoleEntity, {
        organizationId: organization.id,
        memberId,
        toDate: null,
      });
      if (held)
        throw domainError(
          OrganizationsErrorCode.RoleHeld,
          `Member ${memberId} already holds ${held.role} in ${organization.name} since ${held.fromDate}: end that post first.`,
        );
    },
    apply: async (organization, tx) => {
      if (SINGLE_HOLDER.has(role)) {
        // Succeeded on the day of appointment, the predecessor's post is withdrawn (it held on no day).
        for (const predecessor of await tx.find(OrganizationRoleEntity, {
          organizationId: organization.id,
          role,
          toDate: null,
        })) {
          endDatedLink(tx, predecessor, fromDate, 'fromDate', `the date the current ${role.toLowerCase()} took office`);
        }
        // The predecessor leaves before the successor arrives (one open secretary: a unique index).
        await tx.flush();
      }
      return tx.create(OrganizationRoleEntity, {
        regionCode: organization.regionCode,
        organizationId: organization.id,
        memberId,
        role,
        fromDate,
        toDate: null,
        lastChangeOn: fromDate,
      });
    },
    audit: { action: 'APPOINT_ORGANIZATION_ROLE', detail: { memberId, role } },
  });
}

/** A member leaves a post from a date (离任; ended on its first day, it is withdrawn). The organization is locked first, as appointments lock it. */
export async function endOrganizationRole(
  em: EntityManager,
  viewer: Viewer,
  roleId: string,
  endedOn: string,
): Promise<OrganizationRoleRow> {
  assertRole(viewer, WRITER_ROLES, 'end organization posts');
  assertUuid(roleId, 'roleId');
  const found = await em.findOne(OrganizationRoleEntity, { id: roleId });
  if (!found) throw notFound(`roleId: no organization post ${roleId} in your region.`);
  return writeOrganizationEvent(em, viewer, {
    organizationId: found.organizationId,
    on: endedOn,
    dateArgument: 'endedOn',
    alive: 'NOT_REQUIRED',
    apply: async (_organization, tx) => {
      const role = await lockForUpdate(tx, OrganizationRoleEntity, roleId, 'organization post');
      if (role.toDate)
        throw domainError(OrganizationsErrorCode.RoleEnded, `This post ended on ${role.toDate} already.`);
      endDatedLink(tx, role, endedOn, 'endedOn', 'the date the post began');
      return role;
    },
    audit: { action: 'END_ORGANIZATION_ROLE', detail: { roleId, memberId: found.memberId } },
  });
}

/** The posts held in each organization on a date, secretary first, in one statement (a loader). */
export async function postsOn(
  em: EntityManager,
  organizationIds: readonly string[],
  date: string,
): Promise<Map<string, OrganizationRoleRow[]>> {
  const rows = await em.find(
    OrganizationRoleEntity,
    { organizationId: { $in: [...organizationIds] }, ...inForceOn(date) },
    { orderBy: { fromDate: 'asc' } },
  );
  const order = Object.values(OrganizationRoleKind);
  const posts = new Map<string, OrganizationRoleRow[]>();
  for (const row of rows.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)))
    posts.set(row.organizationId, [...(posts.get(row.organizationId) ?? []), row]);
  return posts;
}
