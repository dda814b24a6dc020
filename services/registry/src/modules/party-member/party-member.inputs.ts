import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MemberDistribution,
  RelationshipType,
  TransferStatus,
} from './party-member-enums.js';

@InputType({ description: 'A member as on the registration form (个体工商户党建信息登记表).' })
export class RegisterPartyMemberInput {
  @Field(() => ID, { description: 'The unit: a market entity in your region.' })
  entityId!: string;

  @Field(() => String, { description: 'Name (党员姓名).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mobile (手机号码): 11 digits starting with 1.' })
  mobile?: string | null;

  @Field(() => Boolean, { description: 'Owner (是否业主)?' })
  isOwner!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Household registration (户籍所在地), as written, e.g. 安徽省临泉县.',
  })
  householdPlace?: string | null;

  @Field(() => ID, { nullable: true, description: 'Household-registration county code (6 digits), when known.' })
  householdCountyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization-life branch in the system (组织生活所在辖区党组织).' })
  orgLifeBranchId?: string | null;

  @Field(() => String, { nullable: true, description: 'Organization-life branch outside the system, as written.' })
  orgLifeBranchName?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Organization-relationship branch in the system (组织关系所在地党组织).',
  })
  relationshipBranchId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Organization-relationship branch outside the system, as written.',
  })
  relationshipBranchName?: string | null;

  @Field(() => MemberCategory)
  category!: MemberCategory;

  @Field(() => MemberDistribution)
  distribution!: MemberDistribution;

  @Field(() => RelationshipType)
  relationshipType!: RelationshipType;

  @Field(() => FindingState, { nullable: true, description: 'Default FOUND.' })
  findingState?: FindingState | null;

  @Field(() => FoundVia, { nullable: true, description: 'How the member was found; required when FOUND or VERIFIED.' })
  foundVia?: FoundVia | null;

  @Field(() => TransferStatus, { nullable: true, description: 'Default NOT_NEEDED.' })
  transferStatus?: TransferStatus | null;

  @Field(() => String, { nullable: true })
  nationalMemberId?: string | null;

  @Field(() => LocalDateResolver, { description: 'Registration date (填表日期); not in the future.' })
  registeredOn!: string;
}

@InputType({ description: 'Filter for the member list.' })
export class PartyMemberFilter {
  @Field(() => ID, { nullable: true, description: 'Region subtree; defaults to your region.' })
  regionCode?: string | null;

  @Field(() => [MemberCategory], { nullable: true })
  categories?: MemberCategory[] | null;

  @Field(() => [RelationshipType], { nullable: true })
  relationshipTypes?: RelationshipType[] | null;

  @Field(() => [FindingState], { nullable: true })
  findingStates?: FindingState[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name (admins only: names are personal data).' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members whose unit trades in this market.' })
  marketId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members of this unit.' })
  entityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include members who left or moved out (default false).' })
  includeDeparted?: boolean | null;
}
