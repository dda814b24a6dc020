import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { MarketsContext } from '../../context.js';
import { MarketFigures } from '../figures/market-figures.type.js';
import { marketFigures } from '../figures/market-figures.service.js';
import { Region } from './region.type.js';

@Resolver(() => Region)
export class RegionMarketsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Open markets (市场) at or under this region today. FORBIDDEN outside your region.',
  })
  async marketCount(@Root() region: Region, @Ctx() ctx: MarketsContext) {
    return (await marketFigures(ctx.loaders.figures, ctx.viewer, region.code, null)).markets;
  }

  @FieldResolver(() => MarketFigures, {
    nullable: true,
    description:
      'Market figures (市场统计) of this region subtree, live or as of a date (a report date, June 30 or December 31). FORBIDDEN outside your region.',
  })
  marketFigures(
    @Root() region: Region,
    @Ctx() ctx: MarketsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for live figures; not in the future.' })
    asOf?: string | null,
  ) {
    return marketFigures(ctx.loaders.figures, ctx.viewer, region.code, asOf);
  }
}
