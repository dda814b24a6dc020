import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Market', {
  description: "A commodity trading, professional or farmers' market (商品交易市场/专业市场/农贸市场).",
})
export class Market {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Market name (市场名称).' })
  name!: string;

  @Field(() => String, { description: 'Category (类别), e.g. clothing, timber, farm produce.' })
  category!: string;

  @Field(() => ID, { description: 'Code of the region the market is placed at.' })
  regionCode!: string;
}
