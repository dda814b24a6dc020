import type { FactDefinition } from '@xgz/kit';
import { MarketKeyGrade } from './market-key-grade.js';
import { MarketType } from './market-type.js';

/** What of a market its dated history keeps: what the figures and the standardization scope follow. */
export interface MarketFactState extends Record<string, unknown> {
  regionCode: string;
  type: MarketType;
  keyGrade: MarketKeyGrade | null;
  stars: number | null;
  inCityDistrict: boolean;
  countyCentre: boolean;
  /** False once closed: it then counts nowhere. */
  open: boolean;
  /** Added to the standardization scope by hand (with a reason kept on the market). */
  addedToScope: boolean;
}

export const STAR_RATINGS = [1, 2, 3, 4, 5] as const;

export const marketMetrics = {
  total: 'market.total',
  type: (type: MarketType) => `market.type.${type}`,
  grade: (grade: MarketKeyGrade) => `market.grade.${grade}`,
  stars: (stars: number) => `market.stars.${stars}`,
  all(): string[] {
    return [
      this.total,
      ...Object.values(MarketType).map(this.type),
      ...Object.values(MarketKeyGrade).map(this.grade),
      ...STAR_RATINGS.map(this.stars),
    ];
  },
};

/** Open markets count by type, key grade and stars; a closed one counts nowhere. */
export const marketFacts: FactDefinition<MarketFactState> = {
  subjectType: 'Market',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.open
      ? [
          marketMetrics.total,
          marketMetrics.type(state.type),
          ...(state.keyGrade ? [marketMetrics.grade(state.keyGrade)] : []),
          ...(state.stars ? [marketMetrics.stars(state.stars)] : []),
        ]
      : [],
};
