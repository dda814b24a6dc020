import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@Directive('@key(fields: "id")')
@ObjectType('Inspection', { description: 'An inspection visit (互查互学互促检查) to a region, with what it found.' })
export class Inspection {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Code of the inspected region.' })
  regionCode!: string;

  @Field(() => LocalDateResolver, { description: 'Date of the visit (检查日期).' })
  inspectedOn!: string;

  @Field(() => String, { description: 'Findings recorded by the team (检查发现).' })
  findings!: string;
}
