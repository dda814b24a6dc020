import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganizationConnection } from '../organization-record/party-organization.connection.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { listTerms, recordElection, termOf } from './organization-term.service.js';
import { OrganizationTerm } from './organization-term.type.js';
import { TermStatus } from './term-status.js';

@Resolver(() => PartyOrganization)
export class OrganizationTermResolver {
  @Mutation(() => PartyOrganization, {
    description: 'Records an election (换届选举) of the organization committee on a date: a new term starts.',
  })
  recordElection(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('electedOn', () => LocalDateResolver) electedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return recordElection(ctx.em, ctx.viewer, organizationId, electedOn);
  }

  @FieldResolver(() => OrganizationTerm, {
    nullable: true,
    description: 'Its term (任期) on a date: latest election, length, end, overdue.',
  })
  async term(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
  ) {
    return termOf(organization.level, await ctx.loaders.terms.electedOn.load({ id: organization.id, asOf }), asOf);
  }

  @ConnectionSize(50)
  @Query(() => PartyOrganizationConnection, {
    description:
      'Living organizations whose term is due (ending within withinMonths) or overdue (ended, no election) — 换届提醒. FORBIDDEN outside your region.',
  })
  organizationTerms(
    @Ctx() ctx: OrganizationsContext,
    @Arg('status', () => TermStatus) status: TermStatus,
    @Arg('regionCode', () => String, { nullable: true, description: 'Defaults to your region.' })
    regionCode?: string | null,
    @Arg('withinMonths', () => Int, {
      defaultValue: 6,
      description: 'For DUE: terms ending within this many months from today (1–24).',
    })
    withinMonths = 6,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listTerms(ctx.em, ctx.viewer, regionCode, status, withinMonths, { first, after });
  }
}
