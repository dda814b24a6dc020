import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { assertUuid, ConnectionSize, connectionType, figureDate, ListSize, MarketType, Rate } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { MarketCategory } from '../market-category/market-category.type.js';
import { MarketEntity } from '../market-entity/market-entity.type.js';
import type { MarketRow } from '../market-record/market.entity.js';
import { MarketHonourInput, MarketLedgerInput, MarketRatingInput, RegisterMarketInput } from './market.inputs.js';
import { listMarkets } from './market-list.js';
import { recordMarketHonour } from './market-honour.service.js';
import {
  addMarketToScope,
  changeMarketRating,
  closeMarket,
  registerMarket,
  removeMarketFromScope,
  reopenMarket,
  setMarketOperator,
  updateMarketLedger,
} from './market.service.js';
import { Market, MarketHonour, MarketPeriod, MarketScope, MarketVendors } from '../market-record/market.type.js';

const MarketConnection = connectionType('Market', Market);

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => Market, { nullable: true, description: 'One market; null when unknown or outside your region.' })
  market(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketsContext) {
    assertUuid(id);
    return ctx.loaders.markets.byId.load(id);
  }

  @ConnectionSize(50)
  @Query(() => MarketConnection, {
    description: 'Markets of your region or a subtree of it, a page at a time. FORBIDDEN outside your region.',
  })
  markets(
    @Ctx() ctx: MarketsContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'Defaults to your region.' })
    regionCode?: string | null,
    @Arg('type', () => MarketType, { nullable: true }) type?: MarketType | null,
    @Arg('category', () => String, { nullable: true, description: 'A category code.' }) category?: string | null,
    @Arg('includeClosed', () => Boolean, { defaultValue: false }) includeClosed = false,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listMarkets(ctx.em, ctx.viewer, { regionCode, type, category, includeClosed }, { first, after });
  }

  @FieldResolver(() => MarketCategory, { description: 'Its category (市场类别).' })
  async category(@Root() market: MarketRow, @Ctx() ctx: MarketsContext) {
    return (
      (await ctx.loaders.markets.categories.load(market.category)) ?? { code: market.category, name: market.category }
    );
  }

  @ListSize(20)
  @FieldResolver(() => [MarketHonour], { description: 'Honours it was given, newest first.' })
  honours(@Root() market: MarketRow, @Ctx() ctx: MarketsContext) {
    return ctx.loaders.markets.honours.load(market.id);
  }

  @FieldResolver(() => MarketScope, {
    description: 'Whether it is in the standardization scope on a date (today when omitted).',
  })
  async scope(
    @Root() market: MarketRow,
    @Ctx() ctx: MarketsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ) {
    const state = await ctx.loaders.markets.scopeOn.load({ id: market.id, asOf });
    return {
      asOf: figureDate(asOf),
      inScope: state?.inScope ?? false,
      byRule: state?.byRule ?? false,
      byHand: state?.byHand ?? false,
    };
  }

  @FieldResolver(() => MarketVendors, { description: 'Its vendors and their members on a date (today when omitted).' })
  async vendors(
    @Root() market: MarketRow,
    @Ctx() ctx: MarketsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ) {
    const counts = await ctx.loaders.markets.vendorsOn.load({ id: market.id, asOf });
    return {
      asOf: figureDate(asOf),
      vendors: counts.vendors,
      vendorMembers: counts.members,
      platesHung: Rate.of(counts.plates, counts.members),
    };
  }

  @ListSize(50)
  @FieldResolver(() => [MarketPeriod], {
    description: 'Its dated facts (grade, stars, flags, open or closed), oldest first.',
  })
  async history(@Root() market: MarketRow, @Ctx() ctx: MarketsContext) {
    return (await ctx.loaders.markets.history.load(market.id)).map(({ from, to, state }) => ({ from, to, ...state }));
  }

  @Mutation(() => Market, {
    description: 'Enters a market in the ledger (市场台账) from the day it opened. Needs the admin or official role.',
  })
  registerMarket(@Arg('input', () => RegisterMarketInput) input: RegisterMarketInput, @Ctx() ctx: MarketsContext) {
    return registerMarket(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => Market, {
    description: 'Changes key grade, stars or flags from a date (评级变更); figures and scope follow from that date.',
  })
  changeMarketRating(
    @Arg('id', () => ID) id: string,
    @Arg('effectiveOn', () => LocalDateResolver) effectiveOn: string,
    @Arg('input', () => MarketRatingInput) input: MarketRatingInput,
    @Ctx() ctx: MarketsContext,
  ) {
    return changeMarketRating(ctx.em, ctx.viewer, id, effectiveOn, input);
  }

  @Mutation(() => Market, {
    description: 'Adds a market to the standardization scope by hand from a date, with the reason.',
  })
  addMarketToScope(
    @Arg('id', () => ID) id: string,
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: MarketsContext,
  ) {
    return addMarketToScope(ctx.em, ctx.viewer, id, fromDate, reason);
  }

  @Mutation(() => Market, {
    description: 'Takes back a hand addition to the scope from a date; the rule still applies.',
  })
  removeMarketFromScope(
    @Arg('id', () => ID) id: string,
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Ctx() ctx: MarketsContext,
  ) {
    return removeMarketFromScope(ctx.em, ctx.viewer, id, fromDate);
  }

  @Mutation(() => Market, {
    description: 'Closes a market (关闭) from a date; it counts nowhere after, its history stays.',
  })
  closeMarket(
    @Arg('id', () => ID) id: string,
    @Arg('closedOn', () => LocalDateResolver) closedOn: string,
    @Ctx() ctx: MarketsContext,
  ) {
    return closeMarket(ctx.em, ctx.viewer, id, closedOn);
  }

  @Mutation(() => Market, { description: 'Reopens a closed market from a date.' })
  reopenMarket(
    @Arg('id', () => ID) id: string,
    @Arg('reopenedOn', () => LocalDateResolver) reopenedOn: string,
    @Ctx() ctx: MarketsContext,
  ) {
    return reopenMarket(ctx.em, ctx.viewer, id, reopenedOn);
  }

  @Mutation(() => Market, {
    description:
      'Names the market’s operator (举办者: a registry market entity of kind MARKET_OPERATOR), or clears it with null.',
  })
  setMarketOperator(
    @Arg('id', () => ID) id: string,
    @Arg('operatorId', () => ID, { nullable: true }) operatorId: string | null,
    @Ctx() ctx: MarketsContext,
  ) {
    return setMarketOperator(ctx.em, ctx.viewer, id, operatorId ?? null);
  }

  @FieldResolver(() => MarketEntity, { nullable: true, description: 'Its operator (举办者), resolved by registry.' })
  operator(@Root() market: MarketRow) {
    return market.operatorId ? { id: market.operatorId } : null;
  }

  @Mutation(() => Market, {
    description: 'Updates what the market ledger declares (counts, turnover, station, pledges).',
  })
  updateMarketLedger(
    @Arg('id', () => ID) id: string,
    @Arg('ledger', () => MarketLedgerInput) ledger: MarketLedgerInput,
    @Ctx() ctx: MarketsContext,
  ) {
    return updateMarketLedger(ctx.em, ctx.viewer, id, ledger);
  }

  @Mutation(() => MarketHonour, {
    description: 'Records an honour a market was given (文明诚信市场, city or province, a year).',
  })
  recordMarketHonour(
    @Arg('marketId', () => ID) marketId: string,
    @Arg('input', () => MarketHonourInput) input: MarketHonourInput,
    @Ctx() ctx: MarketsContext,
  ) {
    return recordMarketHonour(ctx.em, ctx.viewer, marketId, input);
  }
}
