import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@ObjectType('CoverageLink', { description: 'An organization covers a market entity (覆盖) from a date, until a date.' })
export class CoverageLink {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => LocalDateResolver)
  fromDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Exclusive; null while the coverage continues.' })
  toDate!: string | null;
}
