/**
 * Markets figures benchmark: ~40 k markets over Zhejiang's townships with dated ratings and
 * closings, their derived scope, 六化 years, 五个一 sites and 200 k vendors, their history built with
 * the markets' own fact definitions and bulk-loaded with the figures. Then p50/p95 of one operation
 * asking the province and all its counties for their market figures through the gateway, against
 * the same figures by a GROUP BY over the raw history rows (the only raw source for a past date).
 */
import {
  derivePeriods,
  figureDeltas,
  signDevToken,
  startSubgraph,
  subgraphRoles,
  today,
  withConnection,
  type FactDefinition,
  type FactInterval,
  type MarketFactState,
  type Period,
  type SharedEnv,
} from '@xgz/kit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import {
  demonstrationFacts,
  marketFacts,
  marketScopeFacts,
  marketsSubgraph,
  marketStandardFacts,
  vendorFacts,
} from '@xgz/markets';
import { registrySubgraph } from '@xgz/registry';
import { seededRandom } from '../seeded-random.js';
import { copyCsv, csvLine, latency, loadFigureDeltas, ms } from './harness.js';

const MARKETS = Number(process.env.BENCH_MARKETS ?? 40_000);
const VENDORS = Number(process.env.BENCH_VENDORS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const SIX = ['MEMBER_INFORMATION', 'ORGANIZATION_COVERAGE', 'RULES', 'ROLE', 'EDUCATION', 'SUPPORT'] as const;
const FIVE = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'] as const;

const FIGURES = `marketFigures(asOf: $asOf) { markets byType { count } byGrade { count } byStars { count } inScope
  standardized standardizationRate { numerator denominator } demonstrationSites vendors vendorMembers platesHung { numerator denominator } }`;
const QUERY = `query($asOf: LocalDate) { region(code: "33") { ${FIGURES} } regions(parentCode: "33", level: COUNTY) { code ${FIGURES} } }`;

/** The same counts by one GROUP BY over the raw history rows as of a date, province and counties. */
const DIRECT = `select left(region_code, 6) as county,
  count(*) filter (where subject_type = 'Market' and (state->>'open')::boolean) as markets,
  ${['PROFESSIONAL', 'COMPREHENSIVE', 'FARMERS'].map((t) => `count(*) filter (where subject_type = 'Market' and (state->>'open')::boolean and state->>'type' = '${t}')`).join(',\n  ')},
  ${['PROVINCIAL_KEY', 'REGIONAL_KEY'].map((g) => `count(*) filter (where subject_type = 'Market' and (state->>'open')::boolean and state->>'keyGrade' = '${g}')`).join(',\n  ')},
  ${[1, 2, 3, 4, 5].map((s) => `count(*) filter (where subject_type = 'Market' and (state->>'open')::boolean and state->>'stars' = '${s}')`).join(',\n  ')},
  count(*) filter (where subject_type = 'MarketScope' and (state->>'inScope')::boolean) as in_scope,
  count(*) filter (where subject_type = 'MarketStandardization' and (state->>'standardized')::boolean) as standardized,
  count(*) filter (where subject_type = 'MarketStandardization' and (state->>'standardized')::boolean and (state->>'inScope')::boolean) as standardized_in_scope,
  count(*) filter (where subject_type = 'MarketDemonstration' and (state->>'site')::boolean) as sites,
  count(*) filter (where subject_type = 'MarketVendor') as vendors,
  coalesce(sum((state->>'members')::int) filter (where subject_type = 'MarketVendor'), 0) as vendor_members,
  coalesce(sum((state->>'plates')::int) filter (where subject_type = 'MarketVendor'), 0) as plates
from fact_version
where superseded_at is null and starts_with(region_code, '33') and valid_from <= $1 and (valid_to is null or valid_to > $1)
group by rollup (left(region_code, 6))`;

interface Version {
  subjectType: string;
  id: string;
  regionCode: string;
  from: string;
  to: string | null;
  state: Record<string, unknown>;
}

const versionsOf = <State extends Record<string, unknown>>(
  facts: FactDefinition<State>,
  id: string,
  periods: Period<State>[],
): Version[] =>
  periods.map((period) => ({
    subjectType: facts.subjectType,
    id,
    regionCode: facts.regionOf(period.state),
    from: period.from,
    to: period.to,
    state: period.state,
  }));

/** Markets with their own and derived histories, vendors, and the figures they make, bulk-loaded. */
async function generate(adminUrl: string, rolePassword: string, townships: readonly string[]) {
  const random = seededRandom(20261208);
  const dayBetween = (from: number, to: number) => from + Math.floor(random.next() * ((to - from) / DAY)) * DAY;
  const versions: Version[] = [];
  const definitions = new Map<string, FactDefinition<any>>(
    [marketFacts, marketScopeFacts, marketStandardFacts, demonstrationFacts, vendorFacts].map((facts) => [
      facts.subjectType,
      facts,
    ]),
  );
  const markets: { id: string; regionCode: string; periods: Period<MarketFactState>[]; opened: number }[] = [];
  for (let index = 0; index < MARKETS; index++) {
    const id = crypto.randomUUID();
    const regionCode = random.pick(townships);
    const opened = dayBetween(Date.UTC(2000, 0, 1), Date.UTC(2024, 0, 1));
    const type = random.pick(['PROFESSIONAL', 'COMPREHENSIVE', 'FARMERS'] as const);
    const first: MarketFactState = {
      regionCode,
      type: type as MarketFactState['type'],
      keyGrade:
        random.next() < 0.05 ? (random.pick(['PROVINCIAL_KEY', 'REGIONAL_KEY']) as MarketFactState['keyGrade']) : null,
      stars: random.pick([null, 1, 2, 3, 4, 5]),
      inCityDistrict: random.next() < 0.4,
      countyCentre: random.next() < 0.1,
      open: true,
      addedToScope: random.next() < 0.02,
    };
    const periods: Period<MarketFactState>[] = [{ from: isoDay(opened), to: null, state: first }];
    if (random.next() < 0.3) {
      const at = isoDay(dayBetween(opened + DAY, Date.UTC(2025, 11, 31)));
      periods[0]!.to = at;
      periods.push({
        from: at,
        to: null,
        state: { ...first, stars: random.pick([null, 3, 4, 5]), open: random.next() > 0.1 },
      });
    }
    markets.push({ id, regionCode, periods, opened });
    versions.push(...versionsOf(marketFacts, id, periods));
    versions.push(...versionsOf(marketScopeFacts, id, derivePeriods(marketScopeFacts, periods)));
    const records =
      random.next() < 0.3
        ? SIX.map((item, i) => ({ year: 2024, item, met: true, recordedOn: `2024-0${i + 2}-15` }))
        : [];
    versions.push(
      ...versionsOf(
        marketStandardFacts,
        id,
        derivePeriods(marketStandardFacts, { market: periods, records: records as never }),
      ),
    );
    const checks = random.next() < 0.1 ? FIVE.map((item) => ({ item, inPlace: true, recordedOn: '2023-05-01' })) : [];
    versions.push(
      ...versionsOf(
        demonstrationFacts,
        id,
        derivePeriods(demonstrationFacts, { market: periods, checks: checks as never }),
      ),
    );
  }
  for (let index = 0; index < VENDORS; index++) {
    const market = random.pick(markets);
    const members = random.integer(0, 2);
    const state = { regionCode: market.regionCode, marketId: market.id, members, plates: random.integer(0, members) };
    const from = isoDay(dayBetween(market.opened, Date.UTC(2025, 11, 31)));
    if (market.periods[0]!.to && market.periods[0]!.to <= from) continue;
    versions.push(...versionsOf(vendorFacts, crypto.randomUUID(), [{ from, to: market.periods[0]!.to, state }]));
  }
  const deltas = figureDeltas({
    added: versions.map((v): FactInterval => ({
      regionCode: v.regionCode,
      from: v.from,
      to: v.to,
      metrics: definitions.get(v.subjectType)!.metricsOf(v.state as never),
    })),
  });
  const owner = subgraphRoles(adminUrl, 'markets', rolePassword).ownerUrl;
  const now = new Date().toISOString();
  await withConnection(owner, async (client) => {
    await copyCsv(
      client,
      `copy market (id, region_code, created_at, updated_at, name, type, category, key_grade, stars, in_city_district, county_centre,
         opened_on, closed_on, consumer_rights_station, last_change_on) from stdin with (format csv)`,
      (function* () {
        let n = 0;
        for (const m of markets) {
          const last = m.periods.at(-1)!;
          const s = last.state;
          yield csvLine(
            m.id,
            m.regionCode,
            now,
            now,
            `测试市场${n++}`,
            s.type,
            'GENERAL_MERCHANDISE',
            s.keyGrade,
            s.stars,
            s.inCityDistrict,
            s.countyCentre,
            m.periods[0]!.from,
            s.open ? null : last.from,
            false,
            last.from,
          );
        }
      })(),
    );
    await copyCsv(
      client,
      'copy fact_version (id, subject_type, subject_id, region_code, valid_from, valid_to, state, listed_in, reason, recorded_at, recorded_by) from stdin with (format csv)',
      (function* () {
        for (const v of versions)
          yield csvLine(
            crypto.randomUUID(),
            v.subjectType,
            v.id,
            v.regionCode,
            v.from,
            v.to,
            JSON.stringify(v.state),
            definitions.get(v.subjectType)!.listOf?.(v.state as never) ?? null,
            'BENCH',
            now,
            'bench',
          );
      })(),
    );
    // The derived facts were derived under the rules in force: the subgraph re-derives nothing at start.
    for (const facts of [marketScopeFacts, marketStandardFacts, demonstrationFacts, vendorFacts])
      await client.query(
        `insert into derived_fact_revision (subject_type, revision, derived_at) values ($1, $2, now())
         on conflict (subject_type) do update set revision = excluded.revision`,
        [facts.subjectType, facts.revision],
      );
    await loadFigureDeltas(client, deltas);
    await client.query('analyze');
  });
  return { versions: versions.length, deltas: deltas.length };
}

/** The markets bench on a database registry's region tree is loaded in (the figures bench's, or its own). */
export async function benchMarketFigures(adminUrl: string, env: SharedEnv) {
  const started = performance.now();
  const registryOwner = subgraphRoles(adminUrl, 'registry', env.DB_ROLE_PASSWORD).ownerUrl;
  const townships = await withConnection(registryOwner, async (client) =>
    (
      await client.query<{ code: string }>(
        `select code from region where level = 'TOWNSHIP' and starts_with(code, '33') order by code`,
      )
    ).rows.map((row) => row.code),
  );
  const generated = await generate(adminUrl, env.DB_ROLE_PASSWORD, townships);
  console.log(
    `\nmarkets: generated ${MARKETS} markets and ${VENDORS} vendors over ${townships.length} townships of 浙江省: ${generated.versions} history rows, ${generated.deltas} figure rows, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const registry = await startSubgraph(registrySubgraph, { env, adminUrl, port: 0, prepare: false, feedSources: [] });
  const markets = await startSubgraph(marketsSubgraph, { env, adminUrl, port: 0, prepare: false, feedSources: [] });
  const gateway = await startGateway({
    env: parseGatewayEnv({ GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: { registry: registry.url, markets: markets.url },
  });
  const token = await signDevToken(env, { regionCode: '33', roles: ['analyst'] });
  const owner = subgraphRoles(adminUrl, 'markets', env.DB_ROLE_PASSWORD).ownerUrl;
  try {
    const ask = async (asOf?: string) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { asOf } }),
      });
      const body = (await response.json()) as {
        errors?: unknown;
        data?: { region: { marketFigures: Record<string, number> }; regions: unknown[] };
      };
      if (body.errors || !body.data?.regions?.length)
        throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
      return body.data;
    };
    // Sanity first: the figures served equal the brute-force count.
    await withConnection(owner, async (client) => {
      for (const date of [today(), '2020-12-31']) {
        const province = (await client.query(DIRECT, [date])).rows.find((row) => row.county === null);
        const served = (await ask(date)).region.marketFigures;
        for (const [field, column] of [
          ['markets', 'markets'],
          ['inScope', 'in_scope'],
          ['standardized', 'standardized'],
          ['demonstrationSites', 'sites'],
          ['vendors', 'vendors'],
          ['vendorMembers', 'vendor_members'],
        ] as const) {
          if (served[field] !== Number(province[column]))
            throw new Error(`${field} as of ${date}: served ${served[field]}, direct ${province[column]}`);
        }
        console.log(
          `check: 浙江省 as of ${date} — ${served.markets} markets, ${served.inScope} in scope, ${served.vendors} vendors, equal to the direct count`,
        );
      }
    });
    console.log(`\none operation: 浙江省 and its counties' market figures, ${RUNS} runs after 5 warm-up`);
    console.log(
      '| as of | gateway p50 | gateway p95 | direct GROUP BY p50 | direct p95 | direct ÷ gateway (p50) |\n|---|---|---|---|---|---|',
    );
    await withConnection(owner, async (client) => {
      for (const asOf of [undefined, '2015-06-30', '2020-12-31']) {
        const served = await latency(() => ask(asOf), RUNS);
        const direct = await latency(() => client.query(DIRECT, [asOf ?? today()]), Math.min(RUNS, 10), 1);
        console.log(
          `| ${asOf ?? 'live'} | ${ms(served.p50)} ms | ${ms(served.p95)} ms | ${ms(direct.p50)} ms | ${ms(direct.p95)} ms | ${(direct.p50 / served.p50).toFixed(1)}× |`,
        );
      }
    });
  } finally {
    await gateway.stop();
    await markets.stop();
    await registry.stop();
  }
}
