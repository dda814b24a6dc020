import { Field, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { StandardItem } from './standard-item.js';

@InputType('MarketStandardInput', {
  description: 'An answer to one "六化" item for a market and year, with its evidence.',
})
export class MarketStandardInput {
  @Field(() => Int, { description: 'The year assessed.' })
  year!: number;

  @Field(() => StandardItem)
  item!: StandardItem;

  @Field(() => Boolean, { description: 'Met (达标) or not.' })
  met!: boolean;

  @Field(() => String, {
    description: 'What shows it: ledgers seen, photos, minutes (up to 2,000 characters, several lines).',
  })
  evidence!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was checked: within the year, not in the future.' })
  recordedOn!: string;
}
