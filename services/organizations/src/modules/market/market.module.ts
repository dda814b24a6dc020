import DataLoader from 'dataloader';
import { defineModule, type SubgraphModule } from '@xgz/kit';
import { OrganizationHostKind } from '../organization-record/organization-host.js';
import {
  PartyOrganizationEntity,
  type PartyOrganizationRow,
} from '../organization-record/party-organization.entity.js';
import { MarketReferenceErrorCode } from './market.errors.js';
import { MarketOrganizationsResolver, OrganizationMarketResolver } from './market.resolver.js';
import { Market } from './market.type.js';
import { marketsFactsSubscription } from './markets-facts.subscription.js';
import { marketOrganizationFacts } from './market-organization.derived.js';

type Loaders = { marketOrganizations: DataLoader<string, PartyOrganizationRow[]> };

/**
 * Markets (市场) as organizations names them: an organization's host, a worker's target — checked
 * against its copy of markets' facts (the fact feed) — and Market extended with its organizations.
 */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const marketModule: SubgraphModule<Loaders> = defineModule({
  name: 'market',
  resolvers: [MarketOrganizationsResolver, OrganizationMarketResolver],
  orphanedTypes: [Market],
  // Any id resolves; each field reads only rows of the viewer's region.
  references: { Market: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  loaders: (em) => ({
    marketOrganizations: new DataLoader<string, PartyOrganizationRow[]>(async (ids) => {
      const rows = await em.find(
        PartyOrganizationEntity,
        { hostKind: OrganizationHostKind.MARKET, hostId: { $in: [...ids] }, dissolvedOn: null },
        { orderBy: { name: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.hostId === id));
    }),
  }),
  errorCodes: MarketReferenceErrorCode,
  subscriptions: [marketsFactsSubscription],
  derivedFacts: [marketOrganizationFacts],
  // Markets pre-fills a market's organization coverage (六化) from it.
  publishes: [marketOrganizationFacts.subjectType],
});
