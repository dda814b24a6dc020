import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { figureDate } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import type { MarketRow } from '../market-record/market.entity.js';
import { Market } from '../market-record/market.type.js';
import { DEMONSTRATION_ITEMS } from './demonstration-item.js';
import { DemonstrationCheckInput } from './demonstration.inputs.js';
import { recordDemonstrationCheck } from './demonstration.service.js';
import { MarketDemonstration } from './demonstration.type.js';
import { itemsInPlace } from './demonstration.derived.js';

@Resolver(() => Market)
export class MarketDemonstrationResolver {
  @FieldResolver(() => MarketDemonstration, {
    description: 'Its "五个一" items and whether it is a demonstration site on a date (today when omitted).',
  })
  async demonstration(
    @Root() market: MarketRow,
    @Ctx() ctx: MarketsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ) {
    const date = figureDate(asOf);
    const checks = (await ctx.loaders.demonstrations.checks.load(market.id)).filter(
      (check) => check.recordedOn <= date,
    );
    const inPlace = itemsInPlace(checks, date);
    const latest = (item: string) => checks.filter((check) => check.item === item).at(-1);
    const open = market.openedOn <= date && (!market.closedOn || date < market.closedOn);
    return {
      asOf: date,
      site: open && DEMONSTRATION_ITEMS.every((item) => inPlace.get(item) === true),
      items: DEMONSTRATION_ITEMS.map((item) => ({
        item,
        inPlace: latest(item)?.inPlace ?? null,
        evidence: latest(item)?.evidence ?? null,
        recordedOn: latest(item)?.recordedOn ?? null,
      })),
    };
  }

  @Mutation(() => Market, {
    description: 'Records a check of one "五个一" item in a market, with its evidence; the site follows from that day.',
  })
  async recordDemonstrationCheck(
    @Arg('marketId', () => ID) marketId: string,
    @Arg('input', () => DemonstrationCheckInput) input: DemonstrationCheckInput,
    @Ctx() ctx: MarketsContext,
  ) {
    await recordDemonstrationCheck(ctx.em, ctx.viewer, marketId, input);
    return ctx.loaders.markets.byId.load(marketId);
  }
}
