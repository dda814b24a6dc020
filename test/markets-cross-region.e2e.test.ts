/**
 * Out-of-region users never see or change a market, its vendors, its 六化 answers or a markets figure
 * of another region — generated: every reading query and every write that names a market of region
 * B, asked by viewers of every level outside B (and each role), through the real gateway and at the
 * markets subgraph directly. No answer may carry a B id or name; refusals are coded; B's market is
 * as it was afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  leaks,
  probeOutOfRegion,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  type SubgraphHarness,
} from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { marketsSubgraph } from '@xgz/markets';
import { registrySubgraph } from '@xgz/registry';

const HOME = '330106002';
const AWAY = '330203001';
let harness: SubgraphHarness;
let gateway: RunningServer;
let admin: string;

interface Placed {
  market: string;
  entity: string;
  secrets: string[];
}
let home: Placed;
let other: Placed;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await executeGraphQL(gateway.url, query, { token: admin, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

/** A market in `township` with an honour, a 六化 answer, a hand addition to scope, and a vendor placed by registry. */
async function place(township: string, tag: string): Promise<Placed> {
  const market = (
    await gql(`mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`, {
      input: {
        name: `${tag}农贸市场`,
        type: 'FARMERS',
        category: 'FARM_PRODUCE',
        regionCode: township,
        openedOn: '2019-01-01',
        stars: 4,
        inCityDistrict: true,
      },
    })
  ).registerMarket.id;
  await gql(
    `mutation($id: ID!) { recordMarketHonour(marketId: $id, input: { title: "${tag}文明诚信市场", level: CITY, year: 2021 }) { year } }`,
    { id: market },
  );
  await gql(
    `mutation($id: ID!) { recordMarketStandard(marketId: $id, input: { year: 2022, item: RULES, met: true, evidence: "${tag}会议记录", recordedOn: "2022-04-01" }) { id } }`,
    { id: market },
  );
  // Registry places the vendor once its copy of markets has the market.
  let entity = '';
  for (let attempt = 0; !entity; attempt++) {
    const response = await executeGraphQL(
      gateway.url,
      `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
      {
        token: admin,
        variables: {
          input: {
            kind: 'INDIVIDUAL_BUSINESS',
            name: `${tag}摊位`,
            regionCode: township,
            registeredOn: '2020-01-01',
            marketId: market,
          },
        },
      },
    );
    if (!response.errors) entity = response.data.registerMarketEntity.id;
    else {
      expect(attempt).toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { market, entity, secrets: [market, entity, tag] };
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, marketsSubgraph]);
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: { registry: harness.subgraphs.registry!.url, markets: harness.subgraphs.markets!.url },
  });
  admin = await tokenFor(harness.env, '33', ['admin']);
  home = await place(HOME, '西湖');
  other = await place(AWAY, '海曙');
  await harness.subgraphs.markets!.feeds[0]!.caughtUp();
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

/** Every reading query that names a market or a region of `target`. */
const readings = (target: Placed, region: string) => [
  {
    query: `query($id: ID!) { market(id: $id) { id name honours { title } history { from } scope { inScope } standards(year: 2022) { evidence } vendors { vendors } } }`,
    variables: { id: target.market },
  },
  {
    query: `query($code: String) { markets(regionCode: $code) { totalCount edges { node { id name } } } }`,
    variables: { code: region },
  },
  {
    query: `query($id: ID!) { marketEntity(id: $id) { id market { id name } } }`,
    variables: { id: target.entity },
  },
  {
    query: `query($code: ID!) { region(code: $code) { marketFigures { markets inScope vendors standardizationRate { numerator } } } }`,
    variables: { code: region },
  },
  {
    query: `query($code: ID!) { region(code: $code) { marketRanking(by: MARKETS) { region { code } value } } }`,
    variables: { code: region.slice(0, 6) },
  },
];

/** Every write that names a market of `target`. */
const writings = (target: Placed, own: Placed) => [
  {
    query: `mutation($id: ID!) { changeMarketRating(id: $id, effectiveOn: "2023-01-01", input: { stars: 1 }) { id } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!) { closeMarket(id: $id, closedOn: "2023-01-01") { id } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!) { addMarketToScope(id: $id, fromDate: "2023-01-01", reason: "越权") { id } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!) { updateMarketLedger(id: $id, ledger: { declaredVendors: 1 }) { id } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!) { recordMarketHonour(marketId: $id, input: { title: "越权", level: CITY, year: 2023 }) { year } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!) { recordMarketStandard(marketId: $id, input: { year: 2023, item: ROLE, met: false, evidence: "越权", recordedOn: "2023-02-01" }) { id } }`,
    variables: { id: target.market },
  },
  {
    query: `mutation($id: ID!, $m: ID!) { setMarketEntityMarket(id: $id, marketId: $m, effectiveOn: "2023-01-01") { id } }`,
    variables: { id: own.entity, m: target.market },
  },
  {
    query: `mutation($id: ID!) { clearMarketEntityMarket(id: $id, effectiveOn: "2023-01-01") { id } }`,
    variables: { id: target.entity },
  },
];

describe('out-of-region users of markets', () => {
  it('never see or change a market, its vendors, answers or figures of another region (generated)', async () => {
    const viewers = ['3301', '330106', HOME];
    const attempts = await probeOutOfRegion({
      url: gateway.url,
      env: harness.env,
      viewers,
      readings: readings(other, AWAY),
      writings: writings(other, home),
      secrets: other.secrets,
    });
    console.log(`markets cross-region: ${attempts} attempts by ${viewers.length * 3} viewers, no leak`);
    // Nothing was changed by the refused writes.
    const { market } = await gql(
      `query($id: ID!) { market(id: $id) { stars closedOn scopeReason declaredVendors honours { title } standards(year: 2023) { met } vendors { vendors } } }`,
      { id: other.market },
    );
    expect(market).toEqual({
      stars: 4,
      closedOn: null,
      scopeReason: null,
      declaredVendors: null,
      honours: [{ title: '海曙文明诚信市场' }],
      standards: expect.arrayContaining([{ met: null }]),
      vendors: { vendors: 1 },
    });
    expect(market.standards.every((row: { met: boolean | null }) => row.met === null)).toBe(true);
  });

  it('see nothing of another region at the markets subgraph directly either', async () => {
    const url = harness.subgraphs.markets!.url;
    const token = await tokenFor(harness.env, '3301', ['admin']);
    const entities = await resolveEntities(
      url,
      token,
      [
        { __typename: 'Market', id: other.market },
        { __typename: 'Market', id: home.market },
      ],
      `... on Market { id name vendors { vendors } }`,
    );
    expect(leaks(entities, other.secrets)).toEqual([]);
    expect(entities.data._entities).toEqual([null, { id: home.market, name: '西湖农贸市场', vendors: { vendors: 1 } }]);
    const figures = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: AWAY }],
      '... on Region { marketFigures { markets } }',
    );
    expect(errorCodes(figures)).toEqual(['FORBIDDEN']);
  });
});
