import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Markets' Market, extended here with the party organizations sitting in it. */
@Directive('@key(fields: "id")')
@ObjectType('Market')
export class Market {
  @Field(() => ID)
  id!: string;
}
