import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ListSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { OrganizationRoleKind } from './organization-role-kind.js';
import { appointToOrganization, endOrganizationRole } from './organization-role.service.js';
import { OrganizationRole, presentRole } from './organization-role.type.js';

const asOfArgument = { nullable: true, description: 'Omit for today; not in the future.' } as const;

@Resolver(() => PartyOrganization)
export class OrganizationRoleResolver {
  @Mutation(() => OrganizationRole, {
    description:
      'A member takes a post in an organization (任职) from a date; a new secretary succeeds the last that day.',
  })
  async appointOrganizationRole(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('role', () => OrganizationRoleKind) role: OrganizationRoleKind,
    @Arg('fromDate', () => LocalDateResolver) fromDate: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentRole(await appointToOrganization(ctx.em, ctx.viewer, organizationId, memberId, role, fromDate));
  }

  @Mutation(() => OrganizationRole, { description: 'A member leaves a post (离任) from a date.' })
  async endOrganizationRole(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('endedOn', () => LocalDateResolver) endedOn: string,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentRole(await endOrganizationRole(ctx.em, ctx.viewer, roleId, endedOn));
  }

  @ListSize(15)
  @FieldResolver(() => [OrganizationRole], {
    description: 'Its committee (委员会) on a date: secretary, deputies, members.',
  })
  async committee(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, asOfArgument) asOf?: string | null,
  ) {
    return (await ctx.loaders.organizationRoles.postsOn.load({ id: organization.id, asOf })).map(presentRole);
  }

  @FieldResolver(() => OrganizationRole, {
    nullable: true,
    description: 'Its secretary (书记) on a date; null when the post is empty.',
  })
  async secretary(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, asOfArgument) asOf?: string | null,
  ) {
    const secretary = (await ctx.loaders.organizationRoles.postsOn.load({ id: organization.id, asOf })).find(
      (post) => post.role === OrganizationRoleKind.SECRETARY,
    );
    return secretary ? presentRole(secretary) : null;
  }
}
