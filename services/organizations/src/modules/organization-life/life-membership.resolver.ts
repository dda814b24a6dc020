import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ListSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyMember } from '../party-member/party-member.type.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { joinOrganizationLife, leaveOrganizationLife, MAX_HISTORY } from './life-membership.service.js';
import { LifeMembership, presentMembership } from './life-membership.type.js';

@Resolver(() => PartyMember)
export class LifeMembershipResolver {
  @Mutation(() => LifeMembership, {
    description:
      "A member takes part in an organization's life (编入支部) from a date; joining another ends the current one that day.",
  })
  async joinOrganizationLife(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentMembership(await joinOrganizationLife(ctx.em, ctx.viewer, memberId, organizationId, fromDate));
  }

  @Mutation(() => LifeMembership, {
    description: 'A member leaves the organization life they take part in, from a date.',
  })
  async leaveOrganizationLife(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('leftOn', () => LocalDateResolver) leftOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentMembership(await leaveOrganizationLife(ctx.em, ctx.viewer, memberId, leftOn));
  }

  @FieldResolver(() => PartyOrganization, {
    nullable: true,
    description:
      'The organization whose life the member takes part in (组织生活所在党组织) on a date; null when none or outside your region.',
  })
  async organization(
    @Root() member: PartyMember,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
  ) {
    const membership = await ctx.loaders.lifeMemberships.on.load({ id: member.id, asOf });
    return membership ? ctx.loaders.partyOrganizations.byId.load(membership.organizationId) : null;
  }

  @ListSize(MAX_HISTORY)
  @FieldResolver(() => [LifeMembership], {
    description: 'Every organization whose life the member took part in, with dates, oldest first.',
  })
  async organizationHistory(@Root() member: PartyMember, @Ctx() ctx: OrganizationsContext) {
    return (await ctx.loaders.lifeMemberships.history.load(member.id)).map(presentMembership);
  }
}
