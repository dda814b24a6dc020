import { Field, Int, ObjectType } from 'type-graphql';
import { ListSize, Rate } from '@xgz/kit';
import { LocalDateResolver } from 'graphql-scalars';
import { MarketEntityKind, MarketEntityStatus } from '../market-entity/market-entity-kind.js';
import { FindingState, MemberCategory, RelationshipType } from '../party-member/party-member-enums.js';

@ObjectType('MarketEntityKindCount')
export class MarketEntityKindCount {
  @Field(() => MarketEntityKind)
  kind!: MarketEntityKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MarketEntityStatusCount')
export class MarketEntityStatusCount {
  @Field(() => MarketEntityStatus)
  status!: MarketEntityStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MarketEntityFigures', { description: 'Market entities (市场主体) in a region subtree.' })
export class MarketEntityFigures {
  @Field(() => Int, { description: 'Entities not deregistered (存量).' })
  existing!: number;

  @ListSize(3)
  @Field(() => [MarketEntityKindCount], { description: 'Existing entities by kind.' })
  byKind!: MarketEntityKindCount[];

  @ListSize(3)
  @Field(() => [MarketEntityStatusCount], {
    description: 'Entities by status; DEREGISTERED counts every entity deregistered so far.',
  })
  byStatus!: MarketEntityStatusCount[];
}

@ObjectType('MemberCategoryCount')
export class MemberCategoryCount {
  @Field(() => MemberCategory)
  category!: MemberCategory;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RelationshipTypeCount')
export class RelationshipTypeCount {
  @Field(() => RelationshipType)
  relationshipType!: RelationshipType;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FindingStateCount')
export class FindingStateCount {
  @Field(() => FindingState)
  findingState!: FindingState;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PartyMemberFigures', {
  description: 'Party members (党员) on the books in a region subtree; false records are counted apart.',
})
export class PartyMemberFigures {
  @Field(() => Int, { description: 'Members on the books, false records excluded.' })
  total!: number;

  @ListSize(2)
  @Field(() => [MemberCategoryCount])
  byCategory!: MemberCategoryCount[];

  @ListSize(3)
  @Field(() => [RelationshipTypeCount])
  byRelationshipType!: RelationshipTypeCount[];

  @ListSize(6)
  @Field(() => [FindingStateCount], { description: 'FALSE_RECORD counts records found false and still on the books.' })
  byFindingState!: FindingStateCount[];

  @Field(() => Rate, { description: 'Identity disclosure (三亮): members who did 三亮 ÷ members.' })
  identityDisclosure!: Rate;

  @Field(() => Rate, {
    description:
      'Floating-member feedback completion (双向反馈): floating members whose receipt came back ÷ floating members.',
  })
  floatingFeedbackCompletion!: Rate;
}

@ObjectType('RegistryFigures', {
  description: 'Registry figures (底数) of a region and everything under it, live or as of a date.',
})
export class RegistryFigures {
  @Field(() => LocalDateResolver, { description: 'The date the figures are as of (today for live figures).' })
  asOf!: string;

  @Field(() => MarketEntityFigures)
  marketEntities!: MarketEntityFigures;

  @Field(() => PartyMemberFigures)
  partyMembers!: PartyMemberFigures;
}
