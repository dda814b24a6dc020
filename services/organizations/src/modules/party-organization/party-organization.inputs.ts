import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OrganizationFormation } from '../organization-record/organization-formation.js';
import { OrganizationHostKind } from '../organization-record/organization-host.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';

@InputType('FormPartyOrganizationInput', { description: 'A new party organization (成立党组织).' })
export class FormPartyOrganizationInput {
  @Field(() => String, { description: 'Full name (党组织名称).' })
  name!: string;

  @Field(() => OrganizationLevel)
  level!: OrganizationLevel;

  @Field(() => OrganizationFormation)
  formation!: OrganizationFormation;

  @Field(() => String, { description: 'County (6 digits), township (9) or village (12) code inside your region.' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The organization above it: a committee or general branch of higher level.',
  })
  parentId?: string | null;

  @Field(() => OrganizationHostKind)
  hostKind!: OrganizationHostKind;

  @Field(() => ID, { nullable: true, description: 'The host market entity or market (MARKET_ENTITY, MARKET).' })
  hostId?: string | null;

  @Field(() => String, { nullable: true, description: 'The host association or branch by name (ASSOCIATION).' })
  hostName?: string | null;

  @Field(() => LocalDateResolver, { description: 'Date established (成立日期); not in the future.' })
  establishedOn!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Date its first committee was elected (选举日期); defaults to establishedOn. The term runs from it.',
  })
  electedOn?: string | null;
}
