import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

@InputType({ description: 'A new market entity (市场主体登记).' })
export class RegisterMarketEntityInput {
  @Field(() => MarketEntityKind)
  kind!: MarketEntityKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Required except for individual businesses.' })
  creditCode?: string | null;

  @Field(() => ID, { description: 'Township (9 digits) or village (12 digits) code, inside your region.' })
  regionCode!: string;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The market it trades in (经营户 of a market), from the markets subgraph: open on registeredOn and inside your region (NOT_FOUND otherwise).',
  })
  marketId?: string | null;

  @Field(() => LocalDateResolver, { description: 'Registration date; not in the future.' })
  registeredOn!: string;

  @Field(() => Int, { nullable: true })
  employees?: number | null;
}

@InputType({ description: 'Filter for the market entity list.' })
export class MarketEntityFilter {
  @Field(() => ID, { nullable: true, description: 'Region subtree; defaults to your region.' })
  regionCode?: string | null;

  @Field(() => [MarketEntityKind], { nullable: true })
  kinds?: MarketEntityKind[] | null;

  @Field(() => [MarketEntityStatus], { nullable: true })
  statuses?: MarketEntityStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  marketId?: string | null;
}
