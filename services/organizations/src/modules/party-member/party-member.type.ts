import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Registry's PartyMember, extended here with the organization whose life they take part in. */
@Directive('@key(fields: "id")')
@ObjectType('PartyMember')
export class PartyMember {
  @Field(() => ID)
  id!: string;
}
