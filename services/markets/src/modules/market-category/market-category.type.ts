import { Field, ObjectType } from 'type-graphql';

@ObjectType('MarketCategory', { description: 'A market category of the maintained list (市场类别).' })
export class MarketCategory {
  @Field(() => String, { description: 'What a market names, e.g. HARDWARE_MOULDS.' })
  code!: string;

  @Field(() => String, { description: 'The name officials use (五金模具).' })
  name!: string;
}
