/**
 * A new user's markets journey through the real gateway: a four-star farmers' market in a city
 * district falls into the standardization scope; its "六化" items are answered over a year (one
 * first answered not met) and the county's standardization rate moves on the day the sixth is met,
 * and back at the new year; its stars are lowered from a past date and the rate as of that date
 * changes while the earlier dates keep theirs — each equal to a hand count here.
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
let token: string;

const TOWNSHIP = '330106005';
const COUNTY = '330106';

async function call(query: string, variables: Record<string, unknown> = {}) {
  const answer = await executeGraphQL(gateway.url, query, { token, variables });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}

const RECORD = `mutation($id: ID!, $input: MarketStandardInput!) { recordMarketStandard(marketId: $id, input: $input) { id } }`;
const answer = (id: string, item: string, recordedOn: string, met = true) =>
  executeGraphQL(gateway.url, RECORD, {
    token,
    variables: {
      id,
      input: { year: Number(recordedOn.slice(0, 4)), item, met, evidence: '现场查看台账与照片', recordedOn },
    },
  });

const countyRate = async (asOf: string) =>
  (
    await call(
      `query($code: ID!, $asOf: LocalDate) { region(code: $code) { marketFigures(asOf: $asOf) { inScope standardized standardizationRate { numerator denominator value } } } }`,
      { code: COUNTY, asOf },
    )
  ).region.marketFigures;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: Object.fromEntries(Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
  });
  token = await tokenFor(harness.env, '33');
});

afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

describe('a market’s standardization through the gateway', () => {
  it('falls into scope, is standardized over a year, and moves as of a back-dated change of its stars', async () => {
    const register = async (input: Record<string, unknown>) =>
      (
        await call(
          `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id scope { inScope byRule } } }`,
          {
            input: { regionCode: TOWNSHIP, openedOn: '2024-01-01', ...input },
          },
        )
      ).registerMarket;
    const farmers = await register({
      name: '翠苑农贸市场',
      type: 'FARMERS',
      category: 'FARM_PRODUCE',
      stars: 4,
      inCityDistrict: true,
    });
    expect(farmers.scope).toEqual({ inScope: true, byRule: true });
    // A three-star comprehensive market outside the scope, standardized too: counted, but not in the rate.
    const other = await register({
      name: '翠苑综合市场',
      type: 'COMPREHENSIVE',
      category: 'GENERAL_MERCHANDISE',
      stars: 3,
    });
    expect(other.scope).toEqual({ inScope: false, byRule: false });
    expect(await countyRate('2025-01-01')).toEqual({
      inScope: 1,
      standardized: 0,
      standardizationRate: { numerator: 0, denominator: 1, value: 0 },
    });

    // The year's answers: ROLE first not met, then met; the sixth item on 2025-08-01.
    const plan: [string, string, boolean][] = [
      ['MEMBER_INFORMATION', '2025-02-01', true],
      ['ORGANIZATION_COVERAGE', '2025-03-01', true],
      ['RULES', '2025-04-01', true],
      ['ROLE', '2025-05-01', false],
      ['ROLE', '2025-06-01', true],
      ['EDUCATION', '2025-07-01', true],
      ['SUPPORT', '2025-08-01', true],
    ];
    for (const [item, on, met] of plan) {
      for (const market of [farmers.id, other.id]) expect((await answer(market, item, on, met)).errors).toBeUndefined();
    }
    expect((await countyRate('2025-07-31')).standardizationRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(await countyRate('2025-08-01')).toEqual({
      inScope: 1,
      standardized: 2,
      standardizationRate: { numerator: 1, denominator: 1, value: 1 },
    });
    // Each year is assessed afresh: nothing answered for 2026 yet.
    expect((await countyRate('2026-01-01')).standardizationRate).toEqual({ numerator: 0, denominator: 1, value: 0 });

    const { market } = await call(
      `query($id: ID!) { market(id: $id) { standardized(asOf: "2025-08-01") standards(year: 2025) { item met recordedOn suggested disagrees } } }`,
      { id: farmers.id },
    );
    expect(market.standardized).toBe(true);
    expect(market.standards.find((row: { item: string }) => row.item === 'ROLE')).toEqual({
      item: 'ROLE',
      met: true,
      recordedOn: '2025-06-01',
      suggested: null,
      disagrees: false,
    });
    // Registry knows no vendor members in it: the answer "member information kept" is flagged.
    expect(market.standards.find((row: { item: string }) => row.item === 'MEMBER_INFORMATION')).toMatchObject({
      met: true,
      suggested: false,
      disagrees: true,
    });

    // Its stars lowered to three from 2025-09-01 (recorded now): out of scope from that day only.
    await call(
      `mutation($id: ID!) { changeMarketRating(id: $id, effectiveOn: "2025-09-01", input: { stars: 3 }) { stars } }`,
      { id: farmers.id },
    );
    expect(await countyRate('2025-08-31')).toEqual({
      inScope: 1,
      standardized: 2,
      standardizationRate: { numerator: 1, denominator: 1, value: 1 },
    });
    expect(await countyRate('2025-09-01')).toEqual({
      inScope: 0,
      standardized: 2,
      standardizationRate: { numerator: 0, denominator: 0, value: null },
    });
    // The province sees the same, and ranks the county by it.
    const { region } = await call(
      `{ region(code: "3301") { marketRanking(by: STANDARDIZATION_RATE, asOf: "2025-08-15") { region { code name } rank value } } }`,
    );
    expect(region.marketRanking[0]).toEqual({ region: { code: COUNTY, name: '西湖区' }, rank: 1, value: 1 });
  });

  it('refuses answers outside their year, in the future, without evidence or for a closed market, coded', async () => {
    const { registerMarket } = await call(
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      {
        input: {
          name: '关停市场',
          type: 'FARMERS',
          category: 'FARM_PRODUCE',
          regionCode: TOWNSHIP,
          openedOn: '2020-01-01',
        },
      },
    );
    const send = (input: Record<string, unknown>) =>
      executeGraphQL(gateway.url, RECORD, {
        token,
        variables: {
          id: registerMarket.id,
          input: { year: 2024, item: 'RULES', met: true, evidence: '会议记录', recordedOn: '2024-05-01', ...input },
        },
      });
    expect(errorCodes(await send({ recordedOn: '2023-12-31' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await send({ year: 2999, recordedOn: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await send({ evidence: '   ' }))).toEqual(['BAD_USER_INPUT']);
    const farYear = await executeGraphQL(
      gateway.url,
      `query($id: ID!) { market(id: $id) { standards(year: -5) { met } } }`,
      {
        token,
        variables: { id: registerMarket.id },
      },
    );
    expect(errorCodes(farYear)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await send({ year: 2019, recordedOn: '2019-06-01' }))).toEqual(['BAD_USER_INPUT']);
    await call(`mutation($id: ID!) { closeMarket(id: $id, closedOn: "2024-03-01") { id } }`, { id: registerMarket.id });
    expect(errorCodes(await send({}))).toEqual(['MARKET_CLOSED']);
    const { market } = await call(`query($id: ID!) { market(id: $id) { standards(year: 2024) { met } } }`, {
      id: registerMarket.id,
    });
    expect(market.standards.every((row: { met: boolean | null }) => row.met === null)).toBe(true);
  });

  it('hosts a party organization and a party worker in a market, checked against organizations’ copy of markets', async () => {
    const { registerMarket } = await call(
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      {
        input: {
          name: '古荡服装市场',
          type: 'PROFESSIONAL',
          category: 'CLOTHING',
          regionCode: TOWNSHIP,
          openedOn: '2024-03-01',
        },
      },
    );
    const form = (extra: Record<string, unknown>) =>
      executeGraphQL(
        gateway.url,
        `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id market { name } } } }`,
        {
          token,
          variables: {
            input: {
              name: '古荡服装市场党支部',
              level: 'BRANCH',
              formation: 'JOINT',
              regionCode: TOWNSHIP,
              hostKind: 'MARKET',
              hostId: registerMarket.id,
              establishedOn: '2024-06-01',
              ...extra,
            },
          },
        },
      );
    // The market reaches organizations through the feed: NOT_FOUND until it has.
    let formed = await form({});
    for (let attempt = 0; errorCodes(formed)[0] === 'NOT_FOUND' && attempt < 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      formed = await form({});
    }
    expect(formed.errors).toBeUndefined();
    expect(formed.data.formPartyOrganization.organization.market).toEqual({ name: '古荡服装市场' });
    expect(errorCodes(await form({ name: '开业前党支部', establishedOn: '2024-02-01' }))).toEqual(['MARKET_NOT_OPEN']);
    expect(errorCodes(await form({ name: '邻街党支部', regionCode: '330106004' }))).toEqual([
      'MARKET_OUTSIDE_ORGANIZATION_REGION',
    ]);
    const worker = (
      await call(
        `mutation { appointPartyWorker(input: { name: "周组织员", kind: FULL_TIME_ORGANIZER, regionCode: "${COUNTY}", servingFrom: "2024-01-01" }) { id } }`,
      )
    ).appointPartyWorker.id;
    await call(
      `mutation($w: ID!, $m: ID!) { assignPartyWorker(workerId: $w, targetKind: MARKET, targetId: $m, fromDate: "2024-07-01") { id } }`,
      { w: worker, m: registerMarket.id },
    );
    const { market } = await call(
      `query($id: ID!) { market(id: $id) { name partyOrganizations { name market { name } } } }`,
      {
        id: registerMarket.id,
      },
    );
    expect(market).toEqual({
      name: '古荡服装市场',
      partyOrganizations: [{ name: '古荡服装市场党支部', market: { name: '古荡服装市场' } }],
    });
    // Organizations counts the township's open markets from its copy, and those with an organization
    // inside: 翠苑农贸, 翠苑综合 (2024-01-01) and 古荡 (2024-03-01) open; 关停 closed on 2024-03-01.
    const withOrganization = async (asOf: string) =>
      (
        await call(
          `query($code: ID!, $asOf: LocalDate) { region(code: $code) { organizationFigures(asOf: $asOf) { marketsWithOrganization { numerator denominator } } } }`,
          { code: TOWNSHIP, asOf },
        )
      ).region.organizationFigures.marketsWithOrganization;
    expect(await withOrganization('2024-05-31')).toEqual({ numerator: 0, denominator: 3 });
    expect(await withOrganization('2024-06-01')).toEqual({ numerator: 1, denominator: 3 });
    // Markets pre-fills the 六化 organization-coverage item from organizations' record, through its feed.
    const coverage = async () =>
      (
        await call(
          `query($id: ID!) { market(id: $id) { standards(year: 2024) { item suggested suggestedBecause } } }`,
          {
            id: registerMarket.id,
          },
        )
      ).market.standards.find((row: { item: string }) => row.item === 'ORGANIZATION_COVERAGE');
    for (let attempt = 0; (await coverage()).suggested !== true && attempt < 200; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await coverage()).toEqual({
      item: 'ORGANIZATION_COVERAGE',
      suggested: true,
      suggestedBecause: 'organizations records a living party organization sitting in the market',
    });
    await call(`mutation($id: ID!) { closeMarket(id: $id, closedOn: "2025-01-01") { id } }`, { id: registerMarket.id });
    // The closing reaches organizations through the feed.
    for (let attempt = 0; (await withOrganization('2025-01-01')).denominator !== 2 && attempt < 200; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await withOrganization('2025-01-01')).toEqual({ numerator: 0, denominator: 2 });
    expect(await withOrganization('2024-12-31')).toEqual({ numerator: 1, denominator: 3 });
  });
});
