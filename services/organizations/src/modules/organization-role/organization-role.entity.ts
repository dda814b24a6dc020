import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { datedLinkProperties, periodCheck, placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { OrganizationRoleKind } from './organization-role-kind.js';

/** A member holds a post in an organization from a date until a date (exclusive); placed at the organization's region. */
export const OrganizationRoleEntity = defineEntity({
  name: 'OrganizationRole',
  tableName: 'organization_role',
  checks: [periodCheck('organization_role')],
  indexes: [{ name: 'organization_role_organization_index', properties: ['organizationId', 'fromDate'] }],
  uniques: [
    // One post per member and organization at a time, and one secretary.
    { name: 'organization_role_open_unique', properties: ['organizationId', 'memberId'], where: 'to_date is null' },
    {
      name: 'organization_role_secretary_unique',
      properties: ['organizationId'],
      where: `role = 'SECRETARY' and to_date is null`,
    },
  ],
  properties: {
    ...placedRecordProperties('organization_role'),
    organizationId: p.uuid(),
    memberId: p.uuid().index('organization_role_member_index'),
    role: p.enum(() => OrganizationRoleKind),
    ...datedLinkProperties(),
  },
  policies: placedRecordPolicies,
});

export type OrganizationRoleRow = InferEntity<typeof OrganizationRoleEntity>;
