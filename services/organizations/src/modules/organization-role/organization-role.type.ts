import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyMember } from '../party-member/party-member.type.js';
import { OrganizationRoleKind } from './organization-role-kind.js';
import type { OrganizationRoleRow } from './organization-role.entity.js';

@ObjectType('OrganizationRole', { description: 'A post a member holds in an organization (任职), with dates.' })
export class OrganizationRole {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => PartyMember, { description: 'The member (registry; personal data masked by your role).' })
  member!: PartyMember;

  @Field(() => OrganizationRoleKind)
  role!: OrganizationRoleKind;

  @Field(() => LocalDateResolver)
  fromDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Exclusive; null while the member holds the post.' })
  toDate!: string | null;
}

export const presentRole = (row: OrganizationRoleRow): OrganizationRole => ({
  ...row,
  toDate: row.toDate ?? null,
  member: { id: row.memberId },
});
