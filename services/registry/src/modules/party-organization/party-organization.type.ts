import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A party organization of the organizations subgraph, referenced by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('PartyOrganization')
export class PartyOrganization {
  @Field(() => ID)
  id!: string;
}
