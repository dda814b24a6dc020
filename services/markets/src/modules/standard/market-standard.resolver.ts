import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { figureDate, ListSize } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import type { MarketRow } from '../market-record/market.entity.js';
import { Market } from '../market-record/market.type.js';
import { MarketStandardInput } from './market-standard.inputs.js';
import { assertAssessedYear, recordMarketStandard } from './market-standard.service.js';
import { MarketStandardItem } from './market-standard.type.js';
import { STANDARD_ITEMS } from './standard-item.js';
import { suggestion } from './standard-suggestions.js';

@Resolver(() => Market)
export class MarketStandardResolver {
  @ListSize(6)
  @FieldResolver(() => [MarketStandardItem], {
    description:
      'The "六化" items of a year (this year when omitted): latest answers, suggestions from the data, disagreements.',
  })
  async standards(
    @Root() market: MarketRow,
    @Ctx() ctx: MarketsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ) {
    const assessed = year ?? Number(figureDate(null).slice(0, 4));
    assertAssessedYear(assessed, 'year');
    // The data as of the year's end, or today for this year.
    const asOf = [`${assessed}-12-31`, figureDate(null)].sort()[0]!;
    const [records, vendors, withOrganization] = await Promise.all([
      ctx.loaders.standards.records.load({ marketId: market.id, year: assessed }),
      ctx.loaders.markets.vendorsOn.load({ id: market.id, asOf }),
      ctx.loaders.standards.organizationOn.load({ id: market.id, asOf }),
    ]);
    return STANDARD_ITEMS.map((item) => {
      const latest = records.filter((record) => record.item === item).at(-1);
      const { suggested, because } = suggestion(item, vendors, withOrganization);
      return {
        item,
        met: latest?.met ?? null,
        evidence: latest?.evidence ?? null,
        recordedOn: latest?.recordedOn ?? null,
        suggested,
        suggestedBecause: because,
        disagrees: latest !== undefined && suggested !== null && latest.met !== suggested,
      };
    });
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether it meets all six "六化" items on a date (规范化达标; today when omitted): each year is assessed afresh.',
  })
  async standardized(
    @Root() market: MarketRow,
    @Ctx() ctx: MarketsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
  ) {
    return (await ctx.loaders.standards.standardizedOn.load({ id: market.id, asOf })) ?? false;
  }

  @Mutation(() => Market, {
    description:
      'Records an answer to one "六化" item for a market and year, with its evidence; the market’s standardization and its region’s rate follow from that day.',
  })
  async recordMarketStandard(
    @Arg('marketId', () => ID) marketId: string,
    @Arg('input', () => MarketStandardInput) input: MarketStandardInput,
    @Ctx() ctx: MarketsContext,
  ) {
    await recordMarketStandard(ctx.em, ctx.viewer, marketId, input);
    return ctx.loaders.markets.byId.load(marketId);
  }
}
