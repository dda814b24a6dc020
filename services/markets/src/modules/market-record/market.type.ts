import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { HonourLevel } from './honour-level.js';
import { MarketKeyGrade, MarketType, Rate } from '@xgz/kit';

@Directive('@key(fields: "id")')
@ObjectType('Market', {
  description: "A commodity trading, professional or farmers' market (商品交易市场/专业市场/农贸市场).",
})
export class Market {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Market name (市场名称).' })
  name!: string;

  @Field(() => MarketType)
  type!: MarketType;

  @Field(() => ID, { description: 'The township the market lies in.' })
  regionCode!: string;

  @Field(() => MarketKeyGrade, { nullable: true, description: 'Key-market grade (重点市场) now; null for none.' })
  keyGrade!: MarketKeyGrade | null;

  @Field(() => Int, { nullable: true, description: 'Star rating (星级) now, 1–5; null when not rated.' })
  stars!: number | null;

  @Field(() => Boolean, { description: 'In a city district (城区).' })
  inCityDistrict!: boolean;

  @Field(() => Boolean, { description: 'At a county centre (县城中心).' })
  countyCentre!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was added to the standardization scope by hand, if it was.',
  })
  scopeReason!: string | null;

  @Field(() => LocalDateResolver, { description: 'The day it opened (开业日期).' })
  openedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it closed; null while open.' })
  closedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Vendors (经营户) the ledger declares.' })
  declaredVendors!: number | null;

  @Field(() => Int, { nullable: true, description: 'People working there (从业人员) the ledger declares.' })
  declaredEmployees!: number | null;

  @Field(() => Float, { nullable: true, description: 'Yearly turnover in 10,000 yuan (年交易额, 万元).' })
  yearlyTurnover!: number | null;

  @Field(() => Boolean, { description: 'A consumer-rights service station (消费维权服务站) in the market.' })
  consumerRightsStation!: boolean;

  @Field(() => Int, { nullable: true, description: 'Integrity pledges signed (诚信承诺书).' })
  integrityPledges!: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the pledges were counted.' })
  integrityPledgedOn!: string | null;
}

@ObjectType('MarketHonour', { description: 'An honour a market was given (文明诚信市场…).' })
export class MarketHonour {
  @Field(() => String)
  title!: string;

  @Field(() => HonourLevel)
  level!: HonourLevel;

  @Field(() => Int)
  year!: number;
}

@ObjectType('MarketScope', {
  description: 'Whether a market is in the standardization scope (规范化建设范围) on a date, and why.',
})
export class MarketScope {
  @Field(() => LocalDateResolver)
  asOf!: string;

  @Field(() => Boolean, { description: 'In scope, by the rule or by hand.' })
  inScope!: boolean;

  @Field(() => Boolean, {
    description: 'The configured rule (key grade, stars, farmers’ market flags) puts it in scope.',
  })
  byRule!: boolean;

  @Field(() => Boolean, { description: 'Added by hand (see scopeReason).' })
  byHand!: boolean;
}

@ObjectType('MarketPeriod', {
  description: 'A stretch of a market’s dated facts: from `from` (inclusive) to `to` (exclusive).',
})
export class MarketPeriod {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  to!: string | null;

  @Field(() => MarketType)
  type!: MarketType;

  @Field(() => MarketKeyGrade, { nullable: true })
  keyGrade!: MarketKeyGrade | null;

  @Field(() => Int, { nullable: true })
  stars!: number | null;

  @Field(() => Boolean)
  inCityDistrict!: boolean;

  @Field(() => Boolean)
  countyCentre!: boolean;

  @Field(() => Boolean)
  open!: boolean;

  @Field(() => Boolean)
  addedToScope!: boolean;
}

@ObjectType('MarketVendors', {
  description:
    "A market's vendors (经营户) on a date, from registry's facts through the feed: entities registry places in it.",
})
export class MarketVendors {
  @Field(() => LocalDateResolver)
  asOf!: string;

  @Field(() => Int, { description: 'Entities trading in it (经营户数).' })
  vendors!: number;

  @Field(() => Int, { description: 'Party members on the books working at them (经营户党员).' })
  vendorMembers!: number;

  @Field(() => Rate, { description: 'Vendor members with a 三亮 plate hung (亮身份) ÷ vendor members.' })
  platesHung!: Rate;
}
