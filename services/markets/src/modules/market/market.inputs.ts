import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { HonourLevel } from '../market-record/honour-level.js';
import { MarketKeyGrade, MarketType } from '@xgz/kit';

@InputType('RegisterMarketInput', { description: 'A market entered in the market ledger (市场台账).' })
export class RegisterMarketInput {
  @Field(() => String, { description: 'Market name (市场名称); one open market of a name per township.' })
  name!: string;

  @Field(() => MarketType)
  type!: MarketType;

  @Field(() => String, { description: 'A category code of marketCategories (市场类别), e.g. CLOTHING.' })
  category!: string;

  @Field(() => String, { description: 'The township (9 digits) the market lies in, inside your region.' })
  regionCode!: string;

  @Field(() => LocalDateResolver, {
    description: 'The day it opened (开业日期); not in the future. Its history starts then.',
  })
  openedOn!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The operator (举办者): a registry market entity of kind MARKET_OPERATOR inside your region.',
  })
  operatorId?: string | null;

  @Field(() => MarketKeyGrade, { nullable: true, description: 'Key-market grade (重点市场), if any.' })
  keyGrade?: MarketKeyGrade | null;

  @Field(() => Int, { nullable: true, description: 'Star rating (星级) 1–5, if rated.' })
  stars?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'In a city district (城区).' })
  inCityDistrict!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'At a county centre (县城中心).' })
  countyCentre!: boolean;

  @Field(() => MarketLedgerInput, { nullable: true, description: 'What the ledger declares about it.' })
  ledger?: MarketLedgerInput | null;
}

@InputType('MarketLedgerInput', {
  description:
    'What the market ledger declares (not dated: the latest answer stands). Omitted fields stay; null clears.',
})
export class MarketLedgerInput {
  @Field(() => Int, { nullable: true, description: 'Vendors (经营户) declared; the registry-fed count is separate.' })
  declaredVendors?: number | null;

  @Field(() => Int, { nullable: true, description: 'People working in the market (从业人员).' })
  declaredEmployees?: number | null;

  @Field(() => Float, { nullable: true, description: 'Yearly turnover in 10,000 yuan (年交易额, 万元).' })
  yearlyTurnover?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A consumer-rights service station (消费维权服务站).' })
  consumerRightsStation?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Integrity pledges signed (诚信承诺书).' })
  integrityPledges?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the pledges were counted.' })
  integrityPledgedOn?: string | null;
}

@InputType('MarketRatingInput', {
  description: 'A change of grade, stars or flags from a date. Omitted fields stay; null clears a grade or stars.',
})
export class MarketRatingInput {
  @Field(() => MarketKeyGrade, { nullable: true })
  keyGrade?: MarketKeyGrade | null;

  @Field(() => Int, { nullable: true, description: '1–5, or null when no longer rated.' })
  stars?: number | null;

  @Field(() => Boolean, { nullable: true })
  inCityDistrict?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  countyCentre?: boolean | null;
}

@InputType('MarketHonourInput', { description: 'An honour the market was given (文明诚信市场…).' })
export class MarketHonourInput {
  @Field(() => String, { description: 'The title, e.g. 文明诚信市场.' })
  title!: string;

  @Field(() => HonourLevel)
  level!: HonourLevel;

  @Field(() => Int, { description: 'The year it was given; not in the future.' })
  year!: number;
}
