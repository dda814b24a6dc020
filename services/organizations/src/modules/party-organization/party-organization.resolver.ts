import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertUuid } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { PartyOrganization } from './party-organization.type.js';

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, { nullable: true, description: 'One party organization; null when unknown or outside your region.' })
  partyOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationsContext) {
    assertUuid(id);
    return ctx.loaders.partyOrganizations.byId.load(id);
  }
}
