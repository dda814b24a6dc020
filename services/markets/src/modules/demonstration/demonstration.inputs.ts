import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DemonstrationItem } from './demonstration-item.js';

@InputType('DemonstrationCheckInput', { description: 'A check of one "五个一" item in a market, with its evidence.' })
export class DemonstrationCheckInput {
  @Field(() => DemonstrationItem)
  item!: DemonstrationItem;

  @Field(() => Boolean, { description: 'In place (已建成) or not (missing, removed).' })
  inPlace!: boolean;

  @Field(() => String, { description: 'What shows it (up to 2,000 characters, several lines).' })
  evidence!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was checked; not in the future.' })
  recordedOn!: string;
}
