import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyMember } from '../party-member/party-member.type.js';
import type { LifeMembershipRow } from './life-membership.entity.js';

@ObjectType('LifeMembership', {
  description: "A member takes part in an organization's life (组织生活所在党组织) from a date until a date.",
})
export class LifeMembership {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => PartyMember)
  member!: PartyMember;

  @Field(() => LocalDateResolver)
  fromDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Exclusive; null while it continues.' })
  toDate!: string | null;
}

export const presentMembership = (row: LifeMembershipRow): LifeMembership => ({
  ...row,
  toDate: row.toDate ?? null,
  member: { id: row.memberId },
});
