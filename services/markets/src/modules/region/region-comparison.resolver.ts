import { regionComparison } from '@xgz/kit';
import type { MarketsContext } from '../../context.js';
import { MarketFigure, marketFigureValue } from '../figures/market-figure.js';
import { marketFigures } from '../figures/market-figures.service.js';
import { Region } from './region.type.js';

/** Regions compared by market figures: children ranked (marketRanking), a figure's change (marketFigureChange). */
export const { RegionComparisonResolver: RegionMarketComparisonResolver } = regionComparison<
  MarketsContext,
  MarketFigure
>({
  region: Region,
  prefix: 'market',
  what: 'market figure',
  figures: MarketFigure,
  valueOf: async (ctx, code, asOf, figure) =>
    marketFigureValue(await marketFigures(ctx.loaders.figures, ctx.viewer, code, asOf), figure),
});
