import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ListSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { OrganizationHostKind } from '../organization-record/organization-host.js';
import type { PartyOrganizationRow } from '../organization-record/party-organization.entity.js';
import { PartyOrganization } from '../organization-record/party-organization.type.js';
import { Market } from './market.type.js';

@Resolver(() => Market)
export class MarketOrganizationsResolver {
  @ListSize(20)
  @FieldResolver(() => [PartyOrganization], {
    description: 'Living party organizations sitting in this market (hostKind MARKET), in your region.',
  })
  partyOrganizations(@Root() market: Market, @Ctx() ctx: OrganizationsContext) {
    return ctx.loaders.marketOrganizations.load(market.id);
  }
}

@Resolver(() => PartyOrganization)
export class OrganizationMarketResolver {
  @FieldResolver(() => Market, {
    nullable: true,
    description: 'The market it sits in (hostKind MARKET), resolved by the markets subgraph; null for other hosts.',
  })
  market(@Root() organization: PartyOrganizationRow) {
    return organization.hostKind === OrganizationHostKind.MARKET && organization.hostId
      ? { id: organization.hostId }
      : null;
  }
}
