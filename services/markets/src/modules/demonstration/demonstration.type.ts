import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DemonstrationItem } from './demonstration-item.js';

@ObjectType('DemonstrationItemCheck', { description: 'The latest check of one "五个一" item on or before a date.' })
export class DemonstrationItemCheck {
  @Field(() => DemonstrationItem)
  item!: DemonstrationItem;

  @Field(() => Boolean, { nullable: true, description: 'In place; null when never checked.' })
  inPlace!: boolean | null;

  @Field(() => String, { nullable: true })
  evidence!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  recordedOn!: string | null;
}

@ObjectType('MarketDemonstration', {
  description: 'Whether a market is a "五个一" demonstration site (五个一示范点) on a date.',
})
export class MarketDemonstration {
  @Field(() => LocalDateResolver)
  asOf!: string;

  @Field(() => Boolean, { description: 'All five items in place on the date.' })
  site!: boolean;

  @Field(() => [DemonstrationItemCheck])
  items!: DemonstrationItemCheck[];
}
