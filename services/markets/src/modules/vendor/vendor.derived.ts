import type { EntityManager } from '@mikro-orm/postgresql';
import {
  FactHistory,
  FindingState,
  MarketEntityStatus,
  MembershipStatus,
  RegistryFactType,
  type DerivedFactDefinition,
  type MarketEntityFactState,
  type MarketFactState,
  type PartyMemberFactState,
  type Period,
} from '@xgz/kit';
import { marketFacts } from '../market-record/market.facts.js';

/** Registry's facts about an entity and its members (fed), and the markets they name (markets' own history). */
export interface VendorInputs {
  entity: Period<MarketEntityFactState>[];
  members: Period<PartyMemberFactState>[];
  markets: Map<string, Period<MarketFactState>[]>;
}

/** An entity trading in an open market on a date (a vendor, 经营户), placed at the market's township. */
export interface VendorState extends Record<string, unknown> {
  regionCode: string;
  marketId: string;
  /** Party members on the books working there (vendor members, 经营户党员). */
  members: number;
  /** Of those, the members with a 三亮 plate hung at their stall (亮身份). */
  plates: number;
}

export const vendorMetrics = {
  vendors: 'vendor.total',
  members: 'vendor.members',
  plates: 'vendor.plates',
  all(): string[] {
    return [this.vendors, this.members, this.plates];
  },
};

const holding = <State>(periods: readonly Period<State>[], date: string) =>
  periods.find((period) => period.from <= date && (period.to === null || date < period.to));

const onBooks = (member: PartyMemberFactState) =>
  member.status === MembershipStatus.ACTIVE && member.findingState !== FindingState.FALSE_RECORD;

/**
 * A vendor as a derived dated fact of registry's copy and markets' own markets: an entity counts in
 * a market from the day registry places it there until it leaves, is deregistered or the market
 * closes; with it, its members on the books and their plates. Moved between markets, it leaves one
 * market's figures and enters the other's on the day.
 */
export const vendorFacts: DerivedFactDefinition<VendorInputs, VendorState> = {
  subjectType: 'MarketVendor',
  // vendor-2: periods listed under their market (indexed reads of a market's vendors).
  revision: 'vendor-2',
  subjects: { from: 'fed_fact', key: 'subject_id', where: `subject_type = '${RegistryFactType.MarketEntity}'` },
  regionOf: (state) => state.regionCode,
  listOf: (state) => state.marketId,
  // Counted per vendor: the members' and plates' counts are repeated metrics (one per member).
  metricsOf: (state) => [
    vendorMetrics.vendors,
    ...Array<string>(state.members).fill(vendorMetrics.members),
    ...Array<string>(state.plates).fill(vendorMetrics.plates),
  ],
  breakpoints: (inputs) =>
    [inputs.entity, inputs.members, ...inputs.markets.values()].flatMap((periods) =>
      periods.flatMap((period) => (period.to ? [period.from, period.to] : [period.from])),
    ),
  stateOn: (inputs, date) => {
    const entity = holding(inputs.entity, date)?.state;
    const marketId = entity?.marketId ?? null;
    if (!entity || !marketId || entity.status === MarketEntityStatus.DEREGISTERED) return null;
    const market = holding(inputs.markets.get(marketId) ?? [], date)?.state;
    if (!market?.open) return null;
    const members = inputs.members
      .filter((period) => period.from <= date && (period.to === null || date < period.to))
      .map((period) => period.state)
      .filter(onBooks);
    return {
      regionCode: market.regionCode,
      marketId,
      members: members.length,
      plates: members.filter((member) => member.sanliangDone).length,
    };
  },
  loadInputs: loadVendorInputs,
};

/** Two statements whatever the number of entities: their fed facts (filed under the entity) and the markets named. */
async function loadVendorInputs(em: EntityManager, entityIds: readonly string[]): Promise<Map<string, VendorInputs>> {
  const fed = await em.execute<
    {
      about_id: string;
      subject_type: string;
      valid_from: string;
      valid_to: string | null;
      state: Record<string, unknown>;
    }[]
  >(
    `select about_id, subject_type, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
       from fed_fact where about_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [JSON.stringify(entityIds)],
  );
  const inputs = new Map<string, VendorInputs>(
    entityIds.map((id) => [id, { entity: [], members: [], markets: new Map() }]),
  );
  const marketIds = new Set<string>();
  for (const row of fed) {
    const target = inputs.get(row.about_id);
    if (!target) continue;
    const period = { from: row.valid_from, to: row.valid_to, state: row.state };
    if (row.subject_type === RegistryFactType.MarketEntity) {
      target.entity.push(period as Period<MarketEntityFactState>);
      if (typeof row.state.marketId === 'string') marketIds.add(row.state.marketId);
    } else target.members.push(period as Period<PartyMemberFactState>);
  }
  const markets = await new FactHistory(em, marketFacts).periodsOf([...marketIds]);
  for (const target of inputs.values()) {
    for (const period of target.entity) {
      const id = period.state.marketId;
      if (id && !target.markets.has(id)) target.markets.set(id, markets.get(id) ?? []);
    }
  }
  return inputs;
}
