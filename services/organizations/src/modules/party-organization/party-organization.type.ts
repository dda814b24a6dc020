import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OrganizationLevel } from './organization-level.js';

@Directive('@key(fields: "id")')
@ObjectType('PartyOrganization', { description: 'A party organization (党组织): committee, general branch or branch, placed at a region.' })
export class PartyOrganization {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Full name (党组织名称).' })
  name!: string;

  @Field(() => OrganizationLevel)
  level!: OrganizationLevel;

  @Field(() => ID, { description: 'Code of the region the organization is placed at.' })
  regionCode!: string;

  @Field(() => LocalDateResolver, { description: 'Date established (成立日期).' })
  establishedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date dissolved (撤销日期); null while active.' })
  dissolvedOn!: string | null;
}
