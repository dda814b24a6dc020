import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { ChangeBase, RankDirection, RankingLevelName } from './region-comparison.js';

/** Which way a ranking runs (one enum in every subgraph that ranks). */
export const RankOrder = { DESC: 'DESC', ASC: 'ASC' } as const satisfies Record<RankDirection, RankDirection>;
registerEnumType(RankOrder, {
  name: 'RankOrder',
  description: 'DESC: the highest value first (排名从高到低); ASC: the lowest first.',
});

/** A level to rank at below the region asked. */
export const RankingLevel = { CITY: 'CITY', COUNTY: 'COUNTY', TOWNSHIP: 'TOWNSHIP' } as const satisfies Record<
  RankingLevelName,
  RankingLevelName
>;
registerEnumType(RankingLevel, {
  name: 'RankingLevel',
  description: 'Rank every region at this level under the one asked (a province’s counties), not only its children.',
});

/** Where a change is measured from when no `from` date is given. */
export const FigureChangeBase = {
  YEAR_ON_YEAR: 'YEAR_ON_YEAR',
  SINCE_LAST_JUNE_30: 'SINCE_LAST_JUNE_30',
  SINCE_LAST_REPORT_DATE: 'SINCE_LAST_REPORT_DATE',
} as const satisfies Record<ChangeBase, ChangeBase>;
registerEnumType(FigureChangeBase, {
  name: 'FigureChangeBase',
  description: 'Where a change is measured from.',
  valuesConfig: {
    YEAR_ON_YEAR: { description: 'The same day a year earlier (同比; Feb 29 → Feb 28).' },
    SINCE_LAST_JUNE_30: { description: 'The last June 30 before the end date (半年报).' },
    SINCE_LAST_REPORT_DATE: { description: 'The last report date (June 30 or December 31) before the end date.' },
  },
});

@Directive('@shareable')
@ObjectType('FigureChange', {
  description: 'A figure on two dates and its change (变化): absolute, and relative to the earlier value.',
})
export class FigureChange {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Float, { nullable: true, description: 'The figure on `from`; null for a rate without a denominator.' })
  fromValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The figure on `to`.' })
  toValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'toValue − fromValue (for a rate, in points of 0–1).' })
  absolute!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '(toValue − fromValue) ÷ |fromValue|; null when fromValue is 0 or null.',
  })
  relative!: number | null;
}

/** A ranked region type for one subgraph (its own Region stub; names differ per subgraph). */
export function regionRankType<Region>(region: new () => Region, name: string, description: string) {
  @ObjectType(name, { description })
  class RegionRank {
    @Field(() => region, { description: 'The region; any subgraph’s fields of it may be asked.' })
    region!: Region;

    @Field(() => Int, { description: '1 for the first; equal values share a rank and the next skips (1, 2, 2, 4).' })
    rank!: number;

    @Field(() => Float, { nullable: true, description: 'The figure ranked by; null (no denominator) ranks last.' })
    value!: number | null;
  }
  return RegionRank;
}
