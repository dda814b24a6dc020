import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RegionLevel } from './region-level.js';

@Directive('@key(fields: "code")')
@ObjectType('Region', {
  description:
    'An administrative division (行政区划): province, city, county, township or village. Every record is placed at a region and every figure rolls up this tree. Each subgraph adds its own figures.',
})
export class Region {
  @Field(() => ID, {
    description: 'Division code (区划代码): 2, 4, 6, 9 or 12 digits; a child code starts with its parent code.',
  })
  code!: string;

  @Field(() => String, { description: 'Official name (名称), e.g. 浙江省.' })
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'Code of the parent region; null for a province.' })
  parentCode!: string | null;
}
