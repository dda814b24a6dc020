import { MarketsFactType, type FactDefinition, type MarketFactState, MarketKeyGrade, MarketType } from '@xgz/kit';

/** What of a market its dated history keeps (the state markets publishes: the kit's contract). */
export type { MarketFactState } from '@xgz/kit';

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
  subjectType: MarketsFactType.Market,
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
