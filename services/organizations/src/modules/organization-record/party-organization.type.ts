import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OrganizationFormation } from './organization-formation.js';
import { OrganizationHostKind } from './organization-host.js';
import { OrganizationLevel } from './organization-level.js';

@Directive('@key(fields: "id")')
@ObjectType('PartyOrganization', {
  description: 'A party organization (党组织): committee, general branch or branch, placed at a region.',
})
export class PartyOrganization {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Full name (党组织名称).' })
  name!: string;

  @Field(() => OrganizationLevel)
  level!: OrganizationLevel;

  @Field(() => OrganizationFormation, { description: 'How it was formed (组建方式).' })
  formation!: OrganizationFormation;

  @Field(() => ID, { description: 'Code of the region the organization is placed at.' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: 'The organization above it, by id.' })
  parentId!: string | null;

  @Field(() => OrganizationHostKind, { description: 'What it is built in or for (依托单位).' })
  hostKind!: OrganizationHostKind;

  @Field(() => ID, { nullable: true, description: 'The host market entity or market, by id.' })
  hostId!: string | null;

  @Field(() => String, { nullable: true, description: 'The host association, by name.' })
  hostName!: string | null;

  @Field(() => LocalDateResolver, { description: 'Date established (成立日期).' })
  establishedOn!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Date dissolved (撤销日期); null while active (also after re-forming).',
  })
  dissolvedOn!: string | null;
}

@ObjectType('FormPartyOrganizationPayload')
export class FormPartyOrganizationPayload {
  @Field(() => PartyOrganization)
  organization!: PartyOrganization;

  @Field(() => [String], {
    description:
      'Rules not met that configuration lets pass (e.g. a standalone branch with fewer than 3 formal members).',
  })
  warnings!: string[];
}
