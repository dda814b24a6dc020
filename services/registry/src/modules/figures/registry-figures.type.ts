import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MarketEntityKind, MarketEntityStatus } from '../market-entity/market-entity-kind.js';

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

  @Field(() => [MarketEntityKindCount], { description: 'Existing entities by kind.' })
  byKind!: MarketEntityKindCount[];

  @Field(() => [MarketEntityStatusCount], { description: 'Entities by status; DEREGISTERED counts every entity deregistered so far.' })
  byStatus!: MarketEntityStatusCount[];
}

@ObjectType('RegistryFigures', { description: 'Registry figures (底数) of a region and everything under it, live or as of a date.' })
export class RegistryFigures {
  @Field(() => LocalDateResolver, { description: 'The date the figures are as of (today for live figures).' })
  asOf!: string;

  @Field(() => MarketEntityFigures)
  marketEntities!: MarketEntityFigures;
}
