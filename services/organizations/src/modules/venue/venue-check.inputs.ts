import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType('VenueCheckInput', {
  description: 'The "六有" venue standard as checked on a date: each item present or not.',
})
export class VenueCheckInput {
  @Field(() => LocalDateResolver, {
    description: 'Date checked; not in the future. A later check replaces it from its date.',
  })
  checkedOn!: string;

  @Field(() => Boolean, { description: 'Has a place for activities (有场所).' })
  place!: boolean;

  @Field(() => Boolean, { description: 'Has facilities (有设施).' })
  facilities!: boolean;

  @Field(() => Boolean, { description: 'Has a sign (有标志).' })
  sign!: boolean;

  @Field(() => Boolean, { description: 'Has a party flag (有党旗).' })
  flag!: boolean;

  @Field(() => Boolean, { description: 'Has books and papers (有书报).' })
  booksAndPapers!: boolean;

  @Field(() => Boolean, { description: 'Has its rules posted (有制度).' })
  rules!: boolean;
}
