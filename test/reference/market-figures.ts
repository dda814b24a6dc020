/**
 * The markets figures computed apart from the serving path: plain TypeScript over the raw rows of
 * markets (each market's dated facts as its history holds them, and the market table) and of
 * registry (its entities' and members' dated facts — registry's own, not markets' copy), market by
 * market — the standardization scope rule of seed 002 (DOMAIN.md, "Markets") written again, with its
 * default configuration, and vendors as the entities registry places in an open market. Compared with what the service serves by the reference test.
 */
import { subgraphRoles } from '@xgz/kit';
import { withConnection } from '@xgz/testkit';

export const MARKET_TYPES = ['PROFESSIONAL', 'COMPREHENSIVE', 'FARMERS'];
export const KEY_GRADES = ['PROVINCIAL_KEY', 'REGIONAL_KEY'];

interface MarketState {
  regionCode: string;
  type: string;
  keyGrade: string | null;
  stars: number | null;
  inCityDistrict: boolean;
  countyCentre: boolean;
  open: boolean;
  addedToScope: boolean;
}

interface Period {
  id: string;
  from: string;
  to: string | null;
  state: MarketState;
}

interface FedPeriod {
  id: string;
  from: string;
  to: string | null;
  state: Record<string, any>;
}

export interface MarketRawRows {
  periods: Period[];
  /** 六化 answers and 五个一 checks as recorded. */
  standards: { market_id: string; year: number; item: string; met: boolean; recorded_on: string }[];
  demonstrations: { market_id: string; item: string; in_place: boolean; recorded_on: string }[];
  /** Registry's own dated facts (its tables, not markets' copy): entities and members. */
  entities: FedPeriod[];
  members: FedPeriod[];
  rows: {
    id: string;
    region_code: string;
    closed_on: string | null;
    stars: number | null;
    scope_reason: string | null;
  }[];
}

/** Markets' dated facts and rows, read as the owner (every region). */
export async function marketRawRows(adminUrl: string, rolePassword: string): Promise<MarketRawRows> {
  const { ownerUrl } = subgraphRoles(adminUrl, 'markets', rolePassword);
  const registry = subgraphRoles(adminUrl, 'registry', rolePassword).ownerUrl;
  const registryPeriods = (type: string) =>
    withConnection(
      registry,
      async (client) =>
        (
          await client.query<FedPeriod>(
            `select subject_id as id, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", state
               from fact_version where subject_type = $1 and superseded_at is null`,
            [type],
          )
        ).rows,
    );
  const [entities, members] = [await registryPeriods('MarketEntity'), await registryPeriods('PartyMember')];
  return withConnection(ownerUrl, async (client) => ({
    entities,
    members,
    periods: (
      await client.query<Period>(
        `select subject_id as id, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", state
           from fact_version where subject_type = 'Market' and superseded_at is null`,
      )
    ).rows,
    rows: (
      await client.query(
        `select id, region_code, to_char(closed_on, 'YYYY-MM-DD') as closed_on, stars, scope_reason from market`,
      )
    ).rows,
    standards: (
      await client.query(
        `select market_id, year, item, met, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on from market_standard_record`,
      )
    ).rows,
    demonstrations: (
      await client.query(
        `select market_id, item, in_place, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on from market_demonstration_record`,
      )
    ).rows,
  }));
}

/**
 * Seed 002: provincial key and regional key markets, five-star markets, four-star-and-above farmers'
 * markets in city districts and county-centre farmers' markets must be standardized.
 */
function ruleSaysInScope(market: MarketState): boolean {
  if (market.keyGrade === 'PROVINCIAL_KEY' || market.keyGrade === 'REGIONAL_KEY') return true;
  if (market.stars === 5) return true;
  if (market.type === 'FARMERS' && market.inCityDistrict && (market.stars ?? 0) >= 4) return true;
  return market.type === 'FARMERS' && market.countyCentre;
}

export interface MarketReference {
  markets: number;
  byType: { type: string; count: number }[];
  byGrade: { grade: string; count: number }[];
  byStars: { stars: number; count: number }[];
  inScope: number;
  inScopeByHandOnly: number;
  standardized: number;
  standardizationRate: { numerator: number; denominator: number };
  demonstrationSites: number;
  townshipsWithDemonstrationSite: number;
  vendors: number;
  vendorMembers: number;
  platesHung: { numerator: number; denominator: number };
}

/** The latest answer per item among `answers` recorded on or before `date`. */
function latestByItem<Answer extends { item: string; recorded_on: string }>(answers: Answer[], date: string) {
  const latest = new Map<string, Answer>();
  for (const answer of answers
    .filter((each) => each.recorded_on <= date)
    .sort((a, b) => a.recorded_on.localeCompare(b.recorded_on)))
    latest.set(answer.item, answer);
  return latest;
}

const SIX = ['MEMBER_INFORMATION', 'ORGANIZATION_COVERAGE', 'RULES', 'ROLE', 'EDUCATION', 'SUPPORT'];
const FIVE = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'];

const holds = (period: { from: string; to: string | null }, date: string) =>
  period.from <= date && (period.to === null || date < period.to);

/** The open markets at or under `region` on `date`, counted by hand. */
export function marketReference(raw: MarketRawRows, region: string, date: string): MarketReference {
  const openPeriods = raw.periods.filter(
    (period) =>
      period.from <= date &&
      (period.to === null || date < period.to) &&
      period.state.open &&
      period.state.regionCode.startsWith(region),
  );
  const open = openPeriods.map((period) => period.state);
  // 六化: all six items of the date's year answered met by then; 五个一: all five in place by then.
  const standardized = openPeriods.filter((period) => {
    const answers = latestByItem(
      raw.standards.filter((answer) => answer.market_id === period.id && answer.year === Number(date.slice(0, 4))),
      date,
    );
    return SIX.every((item) => answers.get(item)?.met === true);
  });
  const sites = openPeriods.filter((period) => {
    const checks = latestByItem(
      raw.demonstrations.filter((check) => check.market_id === period.id),
      date,
    );
    return FIVE.every((item) => checks.get(item)?.in_place === true);
  });
  const byRule = open.filter(ruleSaysInScope);
  // Vendors (经营户): entities registry places in a market open that day, not deregistered; the market's township counts them.
  const openMarkets = new Map(
    raw.periods
      .filter((period) => holds(period, date) && period.state.open)
      .map((period) => [period.id, period.state.regionCode]),
  );
  const vendors = new Set(
    raw.entities
      .filter((period) => holds(period, date) && period.state.status !== 'DEREGISTERED' && period.state.marketId)
      .filter((period) => openMarkets.get(period.state.marketId)?.startsWith(region))
      .map((period) => period.id),
  );
  const vendorMembers = raw.members.filter(
    (period) =>
      holds(period, date) &&
      vendors.has(period.state.entityId) &&
      period.state.status === 'ACTIVE' &&
      period.state.findingState !== 'FALSE_RECORD',
  );
  const plates = vendorMembers.filter((period) => period.state.sanliangDone).length;
  return {
    markets: open.length,
    byType: MARKET_TYPES.map((type) => ({ type, count: open.filter((market) => market.type === type).length })),
    byGrade: KEY_GRADES.map((grade) => ({ grade, count: open.filter((market) => market.keyGrade === grade).length })),
    byStars: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: open.filter((market) => market.stars === stars).length })),
    inScope: open.filter((market) => ruleSaysInScope(market) || market.addedToScope).length,
    inScopeByHandOnly: open.filter((market) => market.addedToScope && !byRule.includes(market)).length,
    standardized: standardized.length,
    standardizationRate: {
      numerator: standardized.filter((period) => ruleSaysInScope(period.state) || period.state.addedToScope).length,
      denominator: open.filter((market) => ruleSaysInScope(market) || market.addedToScope).length,
    },
    demonstrationSites: sites.length,
    townshipsWithDemonstrationSite: new Set(sites.map((period) => period.state.regionCode.slice(0, 9))).size,
    vendors: vendors.size,
    vendorMembers: vendorMembers.length,
    platesHung: { numerator: plates, denominator: vendorMembers.length },
  };
}

/** Standard competition ranking (1, 2, 2, 4), nulls last, ties by code: what officials expect of 排名. */
export function referenceRanking(values: { code: string; value: number | null }[], order: 'DESC' | 'ASC') {
  const sorted = [...values].sort((a, b) => {
    if (a.value === null && b.value === null) return a.code.localeCompare(b.code);
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    if (a.value !== b.value) return order === 'DESC' ? b.value - a.value : a.value - b.value;
    return a.code.localeCompare(b.code);
  });
  return sorted.map((entry) => ({
    code: entry.code,
    value: entry.value,
    rank: sorted.findIndex((other) => other.value === entry.value) + 1,
  }));
}
