import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MarketEntityKind, MarketEntityStatus } from './market-entity-kind.js';

@Directive('@key(fields: "id")')
@ObjectType('MarketEntity', {
  description:
    'A market entity (市场主体): small/micro enterprise, individual business or market operator, placed at a township or village.',
})
export class MarketEntity {
  @Field(() => ID)
  id!: string;

  @Field(() => MarketEntityKind)
  kind!: MarketEntityKind;

  @Field(() => String, { description: 'Registered name (名称).' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Unified social credit code (统一社会信用代码); individual businesses may have none.',
  })
  creditCode!: string | null;

  @Field(() => ID, { description: 'Township or village code where the entity operates.' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Industry (行业).' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Address (经营场所).' })
  address!: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the market it trades in (市场内经营户), if any.' })
  marketId!: string | null;

  @Field(() => MarketEntityStatus)
  status!: MarketEntityStatus;

  @Field(() => LocalDateResolver, { description: 'Date of the current status (状态日期).' })
  statusSince!: string;

  @Field(() => LocalDateResolver, { description: 'Registration date (成立日期).' })
  registeredOn!: string;

  @Field(() => Int, { nullable: true, description: 'Employees (从业人员).' })
  employees!: number | null;
}

@ObjectType('MarketEntityVersion', {
  description:
    'One period of a market entity’s history (e.g. before and after 个转企). Superseded versions were re-cut by a later change.',
})
export class MarketEntityVersion {
  @Field(() => LocalDateResolver)
  validFrom!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Exclusive end; null while current.' })
  validTo!: string | null;

  @Field(() => MarketEntityKind)
  kind!: MarketEntityKind;

  @Field(() => MarketEntityStatus)
  status!: MarketEntityStatus;

  @Field(() => ID)
  regionCode!: string;

  @Field(() => String, { description: 'Why this version was written: REGISTERED, STATUS_CHANGED, CONVERTED.' })
  reason!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => String, { description: 'Who recorded it (token subject).' })
  recordedBy!: string;

  @Field(() => Boolean, { description: 'True when a later change replaced this version.' })
  superseded!: boolean;
}
