import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionSize, connectionType } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { listOrganizationMembers } from './life-membership.service.js';
import { LifeMembership } from './life-membership.type.js';

const LifeMembershipConnection = connectionType('LifeMembership', LifeMembership);

@Resolver(() => PartyOrganization)
export class OrganizationMembersResolver {
  @ConnectionSize(50)
  @FieldResolver(() => LifeMembershipConnection, {
    description: 'Members taking part in its life (党员) on a date, a page at a time.',
  })
  members(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: OrganizationsContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Omit for today; not in the future.' })
    asOf?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1–200, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listOrganizationMembers(ctx.em, organization.id, asOf, { first, after });
  }
}
