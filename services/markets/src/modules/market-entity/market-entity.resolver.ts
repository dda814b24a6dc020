import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ListSize } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { Market } from '../market-record/market.type.js';
import { MarketEntity } from './market-entity.type.js';

@Resolver(() => MarketEntity)
export class MarketEntityMarketsResolver {
  @ListSize(20)
  @FieldResolver(() => [Market], {
    description: 'The markets this entity operates (举办者) in your region, open or closed.',
  })
  operatedMarkets(@Root() entity: MarketEntity, @Ctx() ctx: MarketsContext) {
    return ctx.loaders.markets.operatedBy.load(entity.id);
  }
}
