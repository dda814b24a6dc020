import type { EntityManager } from '@mikro-orm/postgresql';
import {
  MarketsFactType,
  OrganizationsFactType,
  rederive,
  runContaining,
  type DerivedFactDefinition,
  type MarketFactState,
  type MarketOrganizationFactState,
  type Period,
} from '@xgz/kit';
import { alivePeriodsOf, type AlivePeriod } from '../organization-record/alive-periods.js';
import { OrganizationHostKind } from '../organization-record/organization-host.js';
import { PartyOrganizationEntity } from '../organization-record/party-organization.entity.js';

export interface MarketOrganizationInputs {
  /** Markets' facts about the market, as fed. */
  market: Period<MarketFactState>[];
  /** The periods each organization sitting in it (hostKind MARKET) is alive. */
  organizations: AlivePeriod[][];
}

/** An open market on a date, and whether a living party organization sits in it (市场内建有党组织): the published contract. */
export type MarketOrganizationState = MarketOrganizationFactState;

export const marketOrganizationMetrics = {
  markets: 'market.open',
  withOrganization: 'market.with_organization',
  all(): string[] {
    return [this.markets, this.withOrganization];
  },
};

/**
 * Whether a market has a party organization inside, as a derived dated fact of organizations' copy of
 * markets' facts and its own organizations hosted there: from the day one is formed in an open market
 * until the last one is dissolved or the market closes.
 */
export const marketOrganizationFacts: DerivedFactDefinition<MarketOrganizationInputs, MarketOrganizationState> = {
  subjectType: OrganizationsFactType.MarketOrganization,
  revision: 'market-organization-1',
  subjects: { from: 'fed_fact', key: 'subject_id', where: `subject_type = '${MarketsFactType.Market}'` },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => [
    marketOrganizationMetrics.markets,
    ...(state.withOrganization ? [marketOrganizationMetrics.withOrganization] : []),
  ],
  breakpoints: (inputs) =>
    [inputs.market, ...inputs.organizations].flatMap((periods) =>
      periods.flatMap((period) => (period.to ? [period.from, period.to] : [period.from])),
    ),
  stateOn: (inputs, date) => {
    const market = inputs.market.find(
      (period) => period.from <= date && (period.to === null || date < period.to),
    )?.state;
    if (!market?.open) return null;
    return {
      regionCode: market.regionCode,
      withOrganization: inputs.organizations.some((alive) => runContaining(alive, date) !== null),
    };
  },
  loadInputs: loadMarketOrganizationInputs,
};

/** Three statements whatever the number of markets: fed market facts, organizations hosted there, their lives. */
async function loadMarketOrganizationInputs(
  em: EntityManager,
  marketIds: readonly string[],
): Promise<Map<string, MarketOrganizationInputs>> {
  const fed = await em.execute<
    { subject_id: string; valid_from: string; valid_to: string | null; state: MarketFactState }[]
  >(
    `select subject_id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
       from fed_fact where subject_type = ? and subject_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [MarketsFactType.Market, JSON.stringify(marketIds)],
  );
  const inputs = new Map<string, MarketOrganizationInputs>(
    marketIds.map((id) => [id, { market: [], organizations: [] }]),
  );
  for (const row of fed)
    inputs.get(row.subject_id)?.market.push({ from: row.valid_from, to: row.valid_to, state: row.state });
  const hosted = await em.find(PartyOrganizationEntity, {
    hostKind: OrganizationHostKind.MARKET,
    hostId: { $in: [...marketIds] },
  });
  const alive = await alivePeriodsOf(
    em,
    hosted.map((organization) => organization.id),
  );
  for (const organization of hosted)
    inputs.get(organization.hostId!)?.organizations.push(alive.get(organization.id) ?? []);
  return inputs;
}

/** Re-derives the markets an organization sits in, or a page of fed markets, as the actor. */
export const rederiveMarketOrganizations = (tx: EntityManager, marketIds: readonly string[], actor: string) =>
  rederive(tx, marketOrganizationFacts, marketIds, { reason: 'MARKET_ORGANIZATIONS_CHANGED', actor });
