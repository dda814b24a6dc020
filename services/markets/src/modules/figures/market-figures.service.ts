import type DataLoader from 'dataloader';
import { figureRequest, Rate, type FigureRequest, type Viewer, MarketKeyGrade, MarketType, keptFigure } from '@xgz/kit';
import { marketMetrics, STAR_RATINGS } from '../market-record/market.facts.js';
import { scopeMetrics } from '../market-scope/market-scope.derived.js';
import { vendorMetrics } from '../vendor/vendor.derived.js';
import { standardMetrics } from '../standard/market-standard.derived.js';
import { demonstrationMetrics } from '../demonstration/demonstration.derived.js';
import type { MarketFigures } from './market-figures.type.js';

/** Every metric markets pre-aggregates. */
export const marketMetricNames: string[] = [
  ...marketMetrics.all(),
  ...scopeMetrics.all(),
  ...vendorMetrics.all(),
  ...standardMetrics.all(),
  ...demonstrationMetrics.all(),
];

/** Figures of a region subtree, live (asOf omitted) or as of a date: one read of the kept figures. */
export async function marketFigures(
  figures: DataLoader<FigureRequest, Map<string, number>, string>,
  viewer: Viewer,
  regionCode: string,
  asOf: string | null | undefined,
): Promise<MarketFigures> {
  const request = figureRequest(viewer, regionCode, asOf, 'market figures');
  const values = await figures.load(request);
  const value = keptFigure(values, 'markets');
  const markets = value(marketMetrics.total);
  return {
    asOf: request.asOf,
    regionCode,
    markets,
    byType: Object.values(MarketType).map((type) => ({ type, count: value(marketMetrics.type(type)) })),
    byGrade: Object.values(MarketKeyGrade).map((grade) => ({ grade, count: value(marketMetrics.grade(grade)) })),
    byStars: STAR_RATINGS.map((stars) => ({ stars, count: value(marketMetrics.stars(stars)) })),
    inScope: value(scopeMetrics.inScope),
    inScopeByHandOnly: value(scopeMetrics.byHandOnly),
    scopeShare: Rate.of(value(scopeMetrics.inScope), markets),
    standardized: value(standardMetrics.standardized),
    standardizationRate: Rate.of(value(standardMetrics.standardizedInScope), value(scopeMetrics.inScope)),
    demonstrationSites: value(demonstrationMetrics.sites),
    vendors: value(vendorMetrics.vendors),
    vendorMembers: value(vendorMetrics.members),
    platesHung: Rate.of(value(vendorMetrics.plates), value(vendorMetrics.members)),
  };
}
