import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  FindingState,
  FoundVia,
  MemberCategory,
  MemberDistribution,
  MembershipStatus,
  RelationshipType,
  TransferStatus,
} from './party-member-enums.js';

@Directive('@key(fields: "id")')
@ObjectType('PartyMember', {
  description:
    'A party member (党员) working in a 小个专 unit, with the fields of the registration form (个体工商户党建信息登记表). Name, mobile and household registration are masked unless your role is admin; unmasked reads are audited.',
})
export class PartyMember {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The unit (单位): a market entity.' })
  entityId!: string;

  @Field(() => ID, { description: 'Township or village of the unit.' })
  regionCode!: string;

  @Field(() => Boolean, { description: 'Is the member the owner (是否业主)?' })
  isOwner!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Organization-life branch outside the system (组织生活所在辖区党组织), as written.',
  })
  orgLifeBranchName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Organization-relationship branch outside the system (组织关系所在地党组织), as written.',
  })
  relationshipBranchName!: string | null;

  @Field(() => MemberCategory)
  category!: MemberCategory;

  @Field(() => MemberDistribution)
  distribution!: MemberDistribution;

  @Field(() => RelationshipType)
  relationshipType!: RelationshipType;

  @Field(() => FindingState)
  findingState!: FindingState;

  @Field(() => FoundVia, { nullable: true })
  foundVia!: FoundVia | null;

  @Field(() => LocalDateResolver, { description: 'Date of the current finding state.' })
  findingStateOn!: string;

  @Field(() => Boolean, { description: '"三亮" done: identity, commitment and image shown at the stall.' })
  sanliangDone!: boolean;

  @Field(() => String, { nullable: true, description: 'The personal commitment on the 三亮 plate (承诺).' })
  sanliangCommitment!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  sanliangOn!: string | null;

  @Field(() => TransferStatus)
  transferStatus!: TransferStatus;

  @Field(() => String, { nullable: true, description: 'Member id in the national party-member system, when known.' })
  nationalMemberId!: string | null;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'Why the member left or moved, as recorded.' })
  statusReason!: string | null;

  @Field(() => LocalDateResolver)
  statusSince!: string;

  @Field(() => Boolean, { description: 'Floating members: the home branch returned its receipt (回执).' })
  floatingFeedbackComplete!: boolean;

  @Field(() => LocalDateResolver, { description: 'Date registered here (填表日期).' })
  registeredOn!: string;
}

@ObjectType('PartyMemberVersion', {
  description: 'One period of a member’s history. Superseded versions were re-cut by a later change.',
})
export class PartyMemberVersion {
  @Field(() => LocalDateResolver)
  validFrom!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo!: string | null;

  @Field(() => MemberCategory)
  category!: MemberCategory;

  @Field(() => RelationshipType)
  relationshipType!: RelationshipType;

  @Field(() => FindingState)
  findingState!: FindingState;

  @Field(() => Boolean)
  sanliangDone!: boolean;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => String)
  recordedBy!: string;

  @Field(() => Boolean)
  superseded!: boolean;
}
