/**
 * Every markets figure against a reference written apart from the serving path (plain TypeScript
 * over the markets' dated facts and registry's own entity and member history, the seed-002 scope
 * rule written again), after random writes on both sides — registrations opened years ago, ratings
 * changed from past dates, markets closed and reopened under their vendors, added to and taken out
 * of the scope by hand; vendors placed, moved between markets, taken out and deregistered, back-dated
 * — at province, city, county and township level, live and as of past dates; and regions ranked and
 * compared by them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '@xgz/kit';
import { executeGraphQL, resolveEntities, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { marketsSubgraph } from '@xgz/markets';
import { registrySubgraph, withCheckCharacter } from '@xgz/registry';
import { seededRandom } from '../scripts/src/seeded-random.js';
import {
  KEY_GRADES,
  MARKET_TYPES,
  marketRawRows,
  marketReference,
  referenceRanking,
  type MarketReference,
} from './reference/market-figures.js';

const random = seededRandom(20261208);
const DATES = ['2014-12-31', '2017-06-30', '2019-12-31', '2021-06-30', '2023-12-31', '2025-06-30'];
const TOWNSHIPS = [
  '330106002',
  '330106004',
  '330106005',
  '330102001',
  '330102003',
  '330110005',
  '330203001',
  '330203002',
];
const CATEGORIES = { PROFESSIONAL: 'CLOTHING', COMPREHENSIVE: 'GENERAL_MERCHANDISE', FARMERS: 'FARM_PRODUCE' } as const;
const FIGURES = `markets byType { type count } byGrade { grade count } byStars { stars count } inScope inScopeByHandOnly
  standardized standardizationRate { numerator denominator } demonstrationSites townshipsWithDemonstrationSite
  vendors vendorMembers platesHung { numerator denominator }`;
const SIX = ['MEMBER_INFORMATION', 'ORGANIZATION_COVERAGE', 'RULES', 'ROLE', 'EDUCATION', 'SUPPORT'];
const FIVE = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'];
const RANKED = { MARKETS: 'markets', IN_SCOPE: 'inScope', VENDORS: 'vendors' } as const;

let harness: SubgraphHarness;
let token: string;
const markets: { id: string; openedOn: string; lastChange: string; closed: boolean; byHand: boolean }[] = [];
const entities: { id: string; lastChange: string; marketId: string | null }[] = [];
const members: string[] = [];
let serial = 0;

/** A random date from `from` (inclusive) to 2025-06-30. */
const dateFrom = (from: string) =>
  addDays(from, random.integer(0, Math.max(0, (Date.parse('2025-06-30') - Date.parse(from)) / 86_400_000)));
const send = (query: string, variables: Record<string, unknown>, subgraph: 'markets' | 'registry' = 'markets') =>
  executeGraphQL(harness.subgraphs[subgraph]!.url, query, { token, variables });
const fed = async () => {
  await harness.subgraphs.registry!.feeds[0]!.caughtUp();
  await harness.subgraphs.markets!.feeds[0]!.caughtUp();
};

/** A vendor entity of a random market (open then) with 0–3 members, some with a 三亮 plate. */
async function registerVendor() {
  const market = random.pick(markets);
  const registeredOn = dateFrom(market.openedOn > '2016-01-01' ? market.openedOn : '2016-01-01');
  serial++;
  const entity = await send(
    `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
    {
      input: {
        kind: 'INDIVIDUAL_BUSINESS',
        name: `参考经营户${serial}`,
        creditCode: withCheckCharacter(`92330106MA3X${String(serial).padStart(5, '0')}`),
        regionCode: random.pick(TOWNSHIPS),
        registeredOn,
        marketId: market.id,
      },
    },
    'registry',
  );
  expect(entity.errors).toBeUndefined();
  const id = entity.data.registerMarketEntity.id;
  entities.push({ id, lastChange: registeredOn, marketId: market.id });
  for (let index = random.integer(0, 3); index > 0; index--) {
    const member = await send(
      `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
      {
        input: {
          entityId: id,
          name: `参考党员${serial}-${index}`,
          isOwner: false,
          category: 'FORMAL',
          distribution: 'IN_MARKET_INDIVIDUAL_BUSINESS',
          relationshipType: random.pick(['AFFILIATED', 'LOCAL', 'FLOATING']),
          foundVia: 'PHONE',
          registeredOn,
        },
      },
      'registry',
    );
    expect(member.errors).toBeUndefined();
    members.push(member.data.registerPartyMember.id);
    if (random.next() < 0.5)
      await send(
        `mutation($id: ID!, $on: LocalDate!) { recordSanliang(id: $id, commitment: "诚信经营", effectiveOn: $on) { id } }`,
        { id: member.data.registerPartyMember.id, on: dateFrom(registeredOn) },
        'registry',
      );
  }
}

/** A registry write: a vendor moves to another market, leaves its market, or changes status, dated. */
async function randomRegistryWrite() {
  const entity = random.pick(entities);
  const on = dateFrom(entity.lastChange);
  const choice = random.next();
  const answer =
    choice < 0.5
      ? await send(
          `mutation($id: ID!, $m: ID!, $on: LocalDate!) { setMarketEntityMarket(id: $id, marketId: $m, effectiveOn: $on) { id } }`,
          { id: entity.id, m: random.pick(markets).id, on },
          'registry',
        )
      : choice < 0.65
        ? await send(
            `mutation($id: ID!, $on: LocalDate!) { clearMarketEntityMarket(id: $id, effectiveOn: $on) { id } }`,
            { id: entity.id, on },
            'registry',
          )
        : await send(
            `mutation($id: ID!, $s: MarketEntityStatus!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: $s, effectiveOn: $on) { id } }`,
            { id: entity.id, s: random.pick(['SUSPENDED', 'OPERATING', 'DEREGISTERED']), on },
            'registry',
          );
  // Refused (a closed market, the same market, no market, a deregistered or same status): coded, nothing changed.
  if (answer.errors)
    expect(answer.errors[0]!.extensions?.code).toMatch(
      /^(MARKET_NOT_OPEN|BAD_USER_INPUT|NOT_IN_MARKET|INVALID_STATUS_TRANSITION)$/,
    );
  else entity.lastChange = on;
}

/** A 六化 answer (mostly met, so whole years are standardized) or a 五个一 check, on a day the market may have been closed. */
async function randomCheck() {
  const market = random.pick(markets);
  const on = dateFrom(market.openedOn > '2016-01-01' ? market.openedOn : '2016-01-01');
  const answer =
    random.next() < 0.6
      ? await send(
          `mutation($id: ID!, $input: MarketStandardInput!) { recordMarketStandard(marketId: $id, input: $input) { id } }`,
          {
            id: market.id,
            input: {
              year: Number(on.slice(0, 4)),
              item: random.pick(SIX),
              met: random.next() < 0.85,
              evidence: '台账',
              recordedOn: on,
            },
          },
        )
      : await send(
          `mutation($id: ID!, $input: DemonstrationCheckInput!) { recordDemonstrationCheck(marketId: $id, input: $input) { id } }`,
          {
            id: market.id,
            input: { item: random.pick(FIVE), inPlace: random.next() < 0.85, evidence: '照片', recordedOn: on },
          },
        );
  if (answer.errors) expect(answer.errors[0]!.extensions?.code).toBe('MARKET_CLOSED');
}

/** Every item of a year answered met for a market, on days of that year (so standardization happens). */
async function standardizeYear(market: (typeof markets)[number], year: number) {
  for (const [index, item] of SIX.entries()) {
    const on = `${year}-0${index + 1}-1${random.integer(0, 9)}`;
    if (on < market.openedOn) continue;
    await send(
      `mutation($id: ID!, $input: MarketStandardInput!) { recordMarketStandard(marketId: $id, input: $input) { id } }`,
      { id: market.id, input: { year, item, met: true, evidence: '台账', recordedOn: on } },
    );
  }
}

async function randomWrite() {
  const market = random.pick(markets);
  const choice = random.next();
  const on = dateFrom(market.lastChange);
  let answer;
  if (choice < 0.45) {
    const rating = random.pick([
      { stars: random.pick([null, 1, 2, 3, 4, 5]) },
      { keyGrade: random.pick([null, ...KEY_GRADES]) },
      { inCityDistrict: random.next() < 0.5 },
      { countyCentre: random.next() < 0.3, stars: random.pick([3, 4, 5]) },
    ]);
    answer = await send(
      `mutation($id: ID!, $on: LocalDate!, $input: MarketRatingInput!) { changeMarketRating(id: $id, effectiveOn: $on, input: $input) { id } }`,
      { id: market.id, on, input: rating },
    );
  } else if (choice < 0.65) {
    answer = await send(
      market.closed
        ? `mutation($id: ID!, $on: LocalDate!) { reopenMarket(id: $id, reopenedOn: $on) { id } }`
        : `mutation($id: ID!, $on: LocalDate!) { closeMarket(id: $id, closedOn: $on) { id } }`,
      { id: market.id, on },
    );
    if (!answer.errors) market.closed = !market.closed;
  } else {
    answer = await send(
      market.byHand
        ? `mutation($id: ID!, $on: LocalDate!) { removeMarketFromScope(id: $id, fromDate: $on) { id } }`
        : `mutation($id: ID!, $on: LocalDate!) { addMarketToScope(id: $id, fromDate: $on, reason: "街道重点培育") { id } }`,
      { id: market.id, on },
    );
    if (!answer.errors) market.byHand = !market.byHand;
  }
  // A refusal (a closed market's rating, a reopening that meets a twin) is coded and changes nothing.
  if (answer.errors) expect(answer.errors[0]!.extensions?.code).toMatch(/^(MARKET_CLOSED|DUPLICATE_MARKET)$/);
  else market.lastChange = on;
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, marketsSubgraph]);
  token = await tokenFor(harness.env, '33');
  for (let index = 0; index < 60; index++) {
    const type = random.pick(MARKET_TYPES) as keyof typeof CATEGORIES;
    const openedOn = addDays('2012-01-01', random.integer(0, 4_000));
    const answer = await send(`mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`, {
      input: {
        name: `参考市场${index}`,
        type,
        category: CATEGORIES[type],
        regionCode: random.pick(TOWNSHIPS),
        openedOn,
        stars: random.pick([null, 2, 3, 4, 5]),
        keyGrade: random.next() < 0.15 ? random.pick(KEY_GRADES) : null,
        inCityDistrict: random.next() < 0.5,
        countyCentre: random.next() < 0.2,
      },
    });
    expect(answer.errors).toBeUndefined();
    markets.push({ id: answer.data.registerMarket.id, openedOn, lastChange: openedOn, closed: false, byHand: false });
  }
  await fed();
  for (let index = 0; index < 50; index++) await registerVendor();
  for (let index = 0; index < 20; index++)
    await standardizeYear(random.pick(markets), random.pick([2017, 2019, 2021, 2023]));
  for (const market of markets.slice(0, 15))
    for (const item of FIVE)
      await send(
        `mutation($id: ID!, $input: DemonstrationCheckInput!) { recordDemonstrationCheck(marketId: $id, input: $input) { id } }`,
        { id: market.id, input: { item, inPlace: true, evidence: '照片', recordedOn: dateFrom(market.openedOn) } },
      );
  for (let index = 0; index < 60; index++) await randomCheck();
  // Both sides at once: markets closing under vendors, vendors moving between markets, back-dated.
  for (let index = 0; index < 160; index++) {
    await randomWrite();
    // Registry decides by its copy of markets, current every few writes (a stale copy is what it would have).
    if (index % 10 === 0) await fed();
    if (index % 2 === 0) await randomRegistryWrite();
  }
  await fed();
});

afterAll(() => harness?.stop());

const regions = () => ['33', '3301', '3302', ...new Set(TOWNSHIPS.map((code) => code.slice(0, 6))), ...TOWNSHIPS];

async function servedFigures(codes: string[], date: string) {
  const response = await resolveEntities(
    harness.subgraphs.markets!.url,
    token,
    codes.map((code) => ({ __typename: 'Region', code })),
    `... on Region { marketFigures(asOf: "${date}") { ${FIGURES} } }`,
  );
  expect(response.errors).toBeUndefined();
  return response.data._entities.map((entity: { marketFigures: MarketReference }) => entity.marketFigures);
}

describe('market figures against the reference', () => {
  it('agree at every level, live and as of past dates, and the history agrees with the ledger', async () => {
    const raw = await marketRawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    let compared = 0;
    let nonTrivial = 0;
    let vendorsSeen = 0;
    let standardizedSeen = 0;
    let sitesSeen = 0;
    for (const date of [...DATES, today()]) {
      const served = await servedFigures(regions(), date);
      for (const [index, region] of regions().entries()) {
        const expected = marketReference(raw, region, date);
        expect(served[index], `${region} ${date}`).toEqual(expected);
        compared++;
        if (expected.inScope > 0 && expected.inScope < expected.markets && expected.inScopeByHandOnly > 0) nonTrivial++;
        if (expected.vendors > 0 && expected.platesHung.numerator > 0) vendorsSeen++;
        if (expected.standardizationRate.numerator > 0) standardizedSeen++;
        if (expected.townshipsWithDemonstrationSite > 1) sitesSeen++;
      }
    }
    expect(compared).toBe((DATES.length + 1) * regions().length);
    // The random history must exercise the scope, not compare zeros.
    expect(nonTrivial).toBeGreaterThan(10);
    expect(vendorsSeen).toBeGreaterThan(10);
    expect(standardizedSeen).toBeGreaterThan(3);
    expect(sitesSeen).toBeGreaterThan(5);
    // Each market's last period is what its row says now.
    for (const row of raw.rows) {
      const last = raw.periods.filter((period) => period.id === row.id && period.to === null);
      expect(last, row.id).toHaveLength(1);
      expect(last[0]!.state).toMatchObject({
        regionCode: row.region_code,
        open: row.closed_on === null,
        stars: row.stars,
        addedToScope: row.scope_reason !== null,
      });
    }
  });
});

describe('regions ranked and compared by market figures against the reference', () => {
  it('rank the children of the province, a city and a county, and every county of the province, live and as of past dates', async () => {
    const raw = await marketRawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const childrenOf = async (parent: string) =>
      (
        await executeGraphQL(harness.subgraphs.registry!.url, 'query($p: ID) { regions(parentCode: $p) { code } }', {
          token,
          variables: { p: parent },
        })
      ).data.regions.map((region: { code: string }) => region.code) as string[];
    let spread = 0;
    for (const [parent, level] of [
      ['33', null],
      ['3301', null],
      ['330106', null],
      ['33', 'COUNTY'],
    ] as const) {
      const children =
        level === 'COUNTY'
          ? (await Promise.all((await childrenOf('33')).map(childrenOf))).flat()
          : await childrenOf(parent);
      for (const date of [DATES[2]!, DATES[5]!, today()]) {
        for (const [figure, field] of Object.entries(RANKED)) {
          const order = spread % 2 === 0 ? 'DESC' : 'ASC';
          const response = await resolveEntities(
            harness.subgraphs.markets!.url,
            token,
            [{ __typename: 'Region', code: parent }],
            `... on Region { marketRanking(by: ${figure}, asOf: "${date}", order: ${order}${level ? `, level: ${level}` : ''}) { region { code } rank value } }`,
          );
          expect(response.errors).toBeUndefined();
          const expected = referenceRanking(
            children.map((code) => ({ code, value: marketReference(raw, code, date)[field] })),
            order,
          );
          expect(
            response.data._entities[0].marketRanking.map((row: any) => ({
              code: row.region.code,
              value: row.value,
              rank: row.rank,
            })),
            `${parent} ${level} ${date} ${figure}`,
          ).toEqual(expected);
          if (new Set(expected.map((row) => row.rank)).size > 2) spread++;
        }
      }
    }
    expect(spread).toBeGreaterThan(5);
  });

  it('give a figure’s change between two dates at every level, and year on year', async () => {
    const raw = await marketRawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const [from, to] = [DATES[1]!, DATES[4]!];
    const response = await resolveEntities(
      harness.subgraphs.markets!.url,
      token,
      regions().map((code) => ({ __typename: 'Region', code })),
      `... on Region { span: marketFigureChange(figure: IN_SCOPE, from: "${from}", to: "${to}") { fromValue toValue absolute }
        yearly: marketFigureChange(figure: MARKETS, base: YEAR_ON_YEAR, to: "${to}") { from fromValue toValue absolute } }`,
    );
    expect(response.errors).toBeUndefined();
    for (const [index, region] of regions().entries()) {
      const [before, after] = [marketReference(raw, region, from).inScope, marketReference(raw, region, to).inScope];
      expect(response.data._entities[index].span, region).toEqual({
        fromValue: before,
        toValue: after,
        absolute: after - before,
      });
      const yearAgo = marketReference(raw, region, '2022-12-31').markets;
      const then = marketReference(raw, region, to).markets;
      expect(response.data._entities[index].yearly, region).toEqual({
        from: '2022-12-31',
        fromValue: yearAgo,
        toValue: then,
        absolute: then - yearAgo,
      });
    }
  });
});
