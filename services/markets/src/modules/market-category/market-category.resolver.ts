import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ListSize } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { addCategory, listCategories } from './market-category.service.js';
import { MarketCategory } from './market-category.type.js';

@Resolver(() => MarketCategory)
export class MarketCategoryResolver {
  @ListSize(200)
  @Query(() => [MarketCategory], { description: 'The maintained list of market categories (市场类别), by code.' })
  marketCategories(@Ctx() ctx: MarketsContext) {
    return listCategories(ctx.em);
  }

  @Mutation(() => MarketCategory, {
    description: 'Adds a market category to the list (no code change needed). Needs the admin role.',
  })
  addMarketCategory(
    @Arg('code', () => String) code: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: MarketsContext,
  ) {
    return addCategory(ctx.em, ctx.viewer, code, name);
  }
}
