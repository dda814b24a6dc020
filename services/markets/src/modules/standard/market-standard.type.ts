import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { StandardItem } from './standard-item.js';

@ObjectType('MarketStandardItem', {
  description:
    'One "六化" item of a market for a year: the latest answer recorded, what the system’s own data suggests, and whether they disagree.',
})
export class MarketStandardItem {
  @Field(() => StandardItem)
  item!: StandardItem;

  @Field(() => Boolean, { nullable: true, description: 'The latest answer of the year; null when none is recorded.' })
  met!: boolean | null;

  @Field(() => String, { nullable: true })
  evidence!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  recordedOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Pre-filled from the data (预填): member information from the vendor members registry knows, role from their 三亮 plates; null where the system does not know yet.',
  })
  suggested!: boolean | null;

  @Field(() => String, { description: 'Why it is suggested so, or why nothing is.' })
  suggestedBecause!: string;

  @Field(() => Boolean, {
    description: 'A recorded answer and the suggestion from the data disagree: check the answer.',
  })
  disagrees!: boolean;
}
