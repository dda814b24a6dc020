import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MarketsContext } from '../../context.js';
import { MarketFigures } from './market-figures.type.js';

@Resolver(() => MarketFigures)
export class TownshipsWithSiteResolver {
  @FieldResolver(() => Int, {
    description:
      'Townships at or under the region with at least one "五个一" demonstration site on the date ("one per street", 每个街道至少一个).',
  })
  townshipsWithDemonstrationSite(@Root() figures: MarketFigures, @Ctx() ctx: MarketsContext) {
    return ctx.loaders.demonstrations.townshipsWithSite.load({ code: figures.regionCode, asOf: figures.asOf });
  }
}
