import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyWorkerKind } from './party-worker-kind.js';

@InputType('AppointPartyWorkerInput', {
  description: 'A party worker starts serving: an instructor (党建指导员), liaison or organizer.',
})
export class AppointPartyWorkerInput {
  @Field(() => String, { description: 'Name (personal data: masked for roles that may not see it).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mobile, 11 digits (personal data).' })
  mobile?: string | null;

  @Field(() => PartyWorkerKind)
  kind!: PartyWorkerKind;

  @Field(() => String, { description: 'County, township or village code inside your region.' })
  regionCode!: string;

  @Field(() => LocalDateResolver)
  servingFrom!: string;
}
