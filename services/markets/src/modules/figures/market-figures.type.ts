import { Field, Int, ObjectType } from 'type-graphql';
import { Rate, MarketKeyGrade, MarketType } from '@xgz/kit';

@ObjectType('MarketTypeCount')
export class MarketTypeCount {
  @Field(() => MarketType)
  type!: MarketType;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MarketGradeCount')
export class MarketGradeCount {
  @Field(() => MarketKeyGrade)
  grade!: MarketKeyGrade;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MarketStarsCount')
export class MarketStarsCount {
  @Field(() => Int, { description: '1–5.' })
  stars!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MarketFigures', {
  description: 'Market figures (市场统计) of a region subtree on a date: open markets only; every rate with its parts.',
})
export class MarketFigures {
  @Field(() => String)
  asOf!: string;

  /** The region asked (for the fields resolved apart, e.g. townships with a demonstration site). */
  regionCode!: string;

  @Field(() => Int, { description: 'Open markets (市场数).' })
  markets!: number;

  @Field(() => [MarketTypeCount], { description: 'By type; every type listed, 0 included.' })
  byType!: MarketTypeCount[];

  @Field(() => [MarketGradeCount], { description: 'Key markets by grade (重点市场).' })
  byGrade!: MarketGradeCount[];

  @Field(() => [MarketStarsCount], {
    description: 'Rated markets by stars (星级), 1–5 each listed; unrated ones are in none.',
  })
  byStars!: MarketStarsCount[];

  @Field(() => Int, {
    description:
      'Markets in the standardization scope (规范化建设范围): by the configured rule of seed 002, or added by hand.',
  })
  inScope!: number;

  @Field(() => Int, { description: 'Of those, in scope only because they were added by hand.' })
  inScopeByHandOnly!: number;

  @Field(() => Rate, { description: 'Markets in scope ÷ open markets.' })
  scopeShare!: Rate;

  @Field(() => Int, { description: 'Open markets meeting all six "六化" items of the year on the date (规范化达标).' })
  standardized!: number;

  @Field(() => Rate, {
    description: 'Standardization rate (规范化建设达标率): in-scope markets meeting all six items ÷ in-scope markets.',
  })
  standardizationRate!: Rate;

  @Field(() => Int, { description: 'Open markets that are "五个一" demonstration sites on the date (五个一示范点).' })
  demonstrationSites!: number;

  @Field(() => Int, {
    description:
      'Vendors (经营户): entities registry places in an open market here (fed from registry, exact at every date).',
  })
  vendors!: number;

  @Field(() => Int, { description: 'Party members on the books working at those vendors (经营户党员).' })
  vendorMembers!: number;

  @Field(() => Rate, { description: 'Vendor members with a 三亮 plate hung (亮身份) ÷ vendor members.' })
  platesHung!: Rate;
}
