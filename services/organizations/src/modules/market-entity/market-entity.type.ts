import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Registry's MarketEntity, extended here with the organizations that cover it. */
@Directive('@key(fields: "id")')
@ObjectType('MarketEntity')
export class MarketEntity {
  @Field(() => ID)
  id!: string;
}
