import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@ObjectType('OrganizationTerm', {
  description: "An organization committee's term (任期): from its latest election to the day it ends.",
})
export class OrganizationTerm {
  @Field(() => LocalDateResolver, { description: 'Date elected (选举日期).' })
  electedOn!: string;

  @Field(() => Int, { description: 'Term length in years (TERM_YEARS_COMMITTEE / TERM_YEARS_BRANCH).' })
  years!: number;

  @Field(() => LocalDateResolver, {
    description: 'The day the term ends; from then on it is overdue (换届逾期) until an election is recorded.',
  })
  endsOn!: string;

  @Field(() => Boolean)
  overdue!: boolean;
}
