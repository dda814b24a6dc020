import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyWorkerKind } from './party-worker-kind.js';

@Directive('@key(fields: "id")')
@ObjectType('PartyWorker', {
  description: 'A party worker: instructor (党建指导员), liaison, full-time organizer or social worker.',
})
export class PartyWorker {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Name; masked unless your role may see personal data.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mobile; masked unless your role may see personal data.' })
  mobile!: string | null;

  @Field(() => PartyWorkerKind)
  kind!: PartyWorkerKind;

  @Field(() => ID)
  regionCode!: string;

  @Field(() => LocalDateResolver)
  servingFrom!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  servingUntil!: string | null;
}
