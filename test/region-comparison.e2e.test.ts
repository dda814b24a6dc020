/**
 * Regions ranked and compared through the gateway: registry ranks a city's counties by its own
 * figures, organizations by theirs, and one operation asks every subgraph's fields of the ranked
 * regions; regions side by side; a registry figure's change between two dates. Registry's values
 * are checked against a hand count of the entities written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@xgz/kit';
import { errorCodes, executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

let harness: SubgraphHarness;
let gateway: RunningServer;
let official: string;

/** Entities written per county of 杭州 (3301), registered on these dates. */
const WRITTEN: Record<string, string[]> = {
  '330106': ['2019-03-01', '2021-03-01', '2023-03-01'],
  '330110': ['2021-03-01'],
  '330102': ['2019-03-01', '2019-04-01'],
};

const gql = (query: string, variables?: Record<string, unknown>, token = official) =>
  executeGraphQL(gateway.url, query, { token, variables });

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  const urls = Object.fromEntries(Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: urls,
  });
  official = await tokenFor(harness.env, '33', ['official']);
  let serial = 0;
  for (const [county, dates] of Object.entries(WRITTEN)) {
    const township = (await gql('query($p: ID) { regions(parentCode: $p) { code } }', { p: county })).data.regions[0]
      .code;
    for (const registeredOn of dates) {
      const written = await gql(
        `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
        {
          input: { kind: 'INDIVIDUAL_BUSINESS', name: `比较商户${serial++}`, regionCode: township, registeredOn },
        },
      );
      expect(written.errors).toBeUndefined();
    }
  }
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

describe('regions ranked and compared through the gateway', () => {
  it('ranks a city’s counties by registry figures, with other subgraphs’ fields of each in one operation', async () => {
    const answer = await gql(`{ region(code: "3301") {
      registryRanking(by: MARKET_ENTITIES) { rank value region { code name partyOrganizationCount marketCount } } } }`);
    expect(answer.errors).toBeUndefined();
    const ranking = answer.data.region.registryRanking;
    const counties = (await gql('{ regions(parentCode: "3301") { code } }')).data.regions.map(
      (region: { code: string }) => region.code,
    );
    expect(ranking.map((row: { region: { code: string } }) => row.region.code).sort()).toEqual(counties.sort());
    // By the hand count: 330106 (3), 330102 (2), 330110 (1), then every other county tied at 0.
    expect(ranking.slice(0, 3).map((row: any) => [row.region.code, row.rank, row.value])).toEqual([
      ['330106', 1, 3],
      ['330102', 2, 2],
      ['330110', 3, 1],
    ]);
    expect(ranking.slice(3).every((row: any) => row.rank === 4 && row.value === 0)).toBe(true);
    expect(ranking[0].region).toMatchObject({ name: expect.any(String), partyOrganizationCount: 0, marketCount: 0 });
    // As of 2020: only the 2019 registrations count.
    const past = await gql(
      `{ region(code: "3301") { registryRanking(by: MARKET_ENTITIES, asOf: "2020-01-01", order: DESC) { rank value region { code } } } }`,
    );
    expect(past.data.region.registryRanking.slice(0, 2).map((row: any) => [row.region.code, row.value])).toEqual([
      ['330102', 2],
      ['330106', 1],
    ]);
  });

  it('puts regions side by side with every subgraph’s figures, and gives a figure’s change', async () => {
    const answer = await gql(`{ regionsSideBySide(codes: ["330106", "330102", "999999"]) {
      code registryFigures { marketEntities { existing } } organizationFigures { organizations }
      registryFigureChange(figure: MARKET_ENTITIES, from: "2020-01-01", to: "2024-01-01") { fromValue toValue absolute relative } } }`);
    expect(answer.errors).toBeUndefined();
    const [first, second, unknown] = answer.data.regionsSideBySide;
    expect(first).toMatchObject({
      code: '330106',
      registryFigures: { marketEntities: { existing: 3 } },
      organizationFigures: { organizations: 0 },
      registryFigureChange: { fromValue: 1, toValue: 3, absolute: 2, relative: 2 },
    });
    expect(second.registryFigureChange).toEqual({ fromValue: 2, toValue: 2, absolute: 0, relative: 0 });
    expect(unknown).toBeNull();
  });

  it('refuses what is outside the viewer’s region and lists that are too long, coded', async () => {
    const elsewhere = await tokenFor(harness.env, '3302', ['official']);
    expect(
      errorCodes(
        await gql('{ region(code: "3301") { registryRanking(by: MARKET_ENTITIES) { rank } } }', {}, elsewhere),
      ),
    ).toEqual(['FORBIDDEN']);
    const codes = JSON.stringify(Array.from({ length: 51 }, () => '3301'));
    expect(errorCodes(await gql(`{ regionsSideBySide(codes: ${codes}) { code } }`))).toEqual(['BAD_USER_INPUT']);
  });
});
