import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertRegionInScope } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { Region } from './region.type.js';

@Resolver(() => Region)
export class RegionMarketsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Markets (市场) at or under this region. FORBIDDEN outside your region.',
  })
  marketCount(@Root() region: Region, @Ctx() ctx: MarketsContext) {
    assertRegionInScope(ctx.viewer, region.code, 'market figures');
    return ctx.loaders.markets.countByRegion.load(region.code);
  }
}
