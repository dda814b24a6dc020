import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The registry's Region, extended here with market figures. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class Region {
  @Field(() => ID)
  code!: string;
}
