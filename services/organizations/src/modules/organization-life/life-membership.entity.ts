import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { datedLinkProperties, periodCheck, placedRecordPolicies, placedRecordProperties } from '@xgz/kit';

/**
 * The organization whose life a member takes part in (组织生活所在党组织), from a date until a date
 * (exclusive). Placed at the member's region, like their attendance: a member's organization-life
 * standing is derived from rows any official who sees the member sees. One open membership per
 * member (a unique index, not only a check).
 */
export const LifeMembershipEntity = defineEntity({
  name: 'LifeMembership',
  tableName: 'life_membership',
  checks: [periodCheck('life_membership')],
  indexes: [{ name: 'life_membership_organization_index', properties: ['organizationId', 'fromDate'] }],
  uniques: [{ name: 'life_membership_open_unique', properties: ['memberId'], where: 'to_date is null' }],
  properties: {
    ...placedRecordProperties('life_membership'),
    memberId: p.uuid().index('life_membership_member_index'),
    organizationId: p.uuid(),
    ...datedLinkProperties(),
  },
  policies: placedRecordPolicies,
});

export type LifeMembershipRow = InferEntity<typeof LifeMembershipEntity>;
