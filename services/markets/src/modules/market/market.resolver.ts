import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertUuid } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { Market } from './market.type.js';

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => Market, { nullable: true, description: 'One market; null when unknown or outside your region.' })
  market(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketsContext) {
    assertUuid(id);
    return ctx.loaders.markets.byId.load(id);
  }
}
