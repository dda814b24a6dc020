import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize, connectionType } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { CoverageLink } from '../coverage/coverage-link.type.js';
import { coverMarketEntities, endCoverage, listCoverage, MAX_ENTITIES_PER_CALL } from '../coverage/coverage.service.js';
import { PartyOrganizationConnection } from '../organization-record/party-organization.connection.js';
import { FormPartyOrganizationInput } from './party-organization.inputs.js';
import {
  dissolvePartyOrganization,
  formPartyOrganization,
  listOrganizations,
  moveOrganization,
  reformPartyOrganization,
} from './party-organization.service.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';
import { FormPartyOrganizationPayload, PartyOrganization } from '../organization-record/party-organization.type.js';

const CoverageLinkConnection = connectionType('CoverageLink', CoverageLink);

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, {
    nullable: true,
    description: 'One party organization; null when unknown or outside your region.',
  })
  partyOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationsContext) {
    return ctx.loaders.partyOrganizations.byId.load(id);
  }

  @Mutation(() => FormPartyOrganizationPayload, {
    description:
      'Forms a party organization (成立党组织). A standalone one covers its host entity. Needs the admin or official role.',
  })
  formPartyOrganization(
    @Arg('input', () => FormPartyOrganizationInput) input: FormPartyOrganizationInput,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return formPartyOrganization(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => PartyOrganization, {
    description: 'Dissolves an organization (撤销) from a date; it covers nothing after, and its history stays.',
  })
  dissolvePartyOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('dissolvedOn', () => LocalDateResolver) dissolvedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return dissolvePartyOrganization(ctx.em, ctx.viewer, id, dissolvedOn);
  }

  @Mutation(() => PartyOrganization, {
    description: 'Re-forms a dissolved organization (重建) from a date; its open coverage applies again.',
  })
  reformPartyOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('reformedOn', () => LocalDateResolver) reformedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return reformPartyOrganization(ctx.em, ctx.viewer, id, reformedOn);
  }

  @Mutation(() => PartyOrganization, {
    description:
      'Moves an organization under another parent (or to the top with parentId null) from a date; never under itself or its descendants.',
  })
  moveOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Arg('movedOn', () => LocalDateResolver) movedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return moveOrganization(ctx.em, ctx.viewer, id, parentId ?? null, movedOn);
  }

  @ConnectionSize(50)
  @Query(() => PartyOrganizationConnection, {
    description:
      'Party organizations placed at or under a region (your own by default), optionally of one level, active only unless includeDissolved.',
  })
  partyOrganizations(
    @Ctx() ctx: OrganizationsContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
    @Arg('level', () => OrganizationLevel, { nullable: true }) level?: OrganizationLevel | null,
    @Arg('includeDissolved', () => Boolean, { defaultValue: false }) includeDissolved = false,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listOrganizations(ctx.em, ctx.viewer, { regionCode, level, includeDissolved }, { first, after });
  }

  @Mutation(() => PartyOrganization, {
    description: `The organization covers market entities (覆盖) from a date; at most ${MAX_ENTITIES_PER_CALL} per call, each inside its region.`,
  })
  coverMarketEntities(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('entityIds', () => [ID]) entityIds: string[],
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return coverMarketEntities(ctx.em, ctx.viewer, organizationId, entityIds, fromDate);
  }

  @Mutation(() => PartyOrganization, { description: 'The organization stops covering an entity from a date.' })
  endCoverage(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('entityId', () => ID) entityId: string,
    @Arg('endedOn', () => LocalDateResolver) endedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return endCoverage(ctx.em, ctx.viewer, organizationId, entityId, endedOn);
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description: 'The organization above it; null at the top or outside your region.',
  })
  parent(@Root() organization: PartyOrganization, @Ctx() ctx: OrganizationsContext) {
    return organization.parentId ? ctx.loaders.partyOrganizations.byId.load(organization.parentId) : null;
  }

  @ConnectionSize(50)
  @FieldResolver(() => CoverageLinkConnection, {
    description: 'The entities it covers and covered, with dates, a page at a time.',
  })
  coverage(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listCoverage(ctx.em, organization.id, first, after);
  }
}
