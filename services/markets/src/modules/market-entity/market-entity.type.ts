import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Registry's MarketEntity, extended here with the markets it operates (举办者). */
@Directive('@key(fields: "id")')
@ObjectType('MarketEntity')
export class MarketEntity {
  @Field(() => ID)
  id!: string;
}
