import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A market of the markets subgraph, referenced by id (the registry stores only the id). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Market')
export class Market {
  @Field(() => ID)
  id!: string;
}
