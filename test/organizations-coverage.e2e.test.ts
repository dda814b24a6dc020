/**
 * Organizations through the real gateway, fed by registry over the fact feed: a new user forms a
 * joint branch covering three entities, dissolves and re-forms it, and reads the township's coverage
 * as of dates before, during and after — equal to a hand count. Registry's changes (a suspension, a
 * back-dated one) reach the figures through the feed; the delay is measured and printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph, type RunningServer } from '@xgz/kit';
import { executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

const TOWNSHIP = '330106002';
const COUNTY = '330106';
let harness: SubgraphHarness;
let gateway: RunningServer;
let token: string;
const entities: string[] = [];
let branch: string;

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await executeGraphQL(gateway.url, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
};

const COVERAGE = `query($code: ID!, $asOf: LocalDate) { region(code: $code) {
  organizationFigures(asOf: $asOf) { organizations coverage { organizationCoverage { numerator denominator } standaloneRate { numerator } workCoverage { numerator } } }
} }`;

/** [covered, operating] of a region as of a date (live when omitted). */
async function coverage(code: string, asOf?: string): Promise<[number, number]> {
  const data = await gql(COVERAGE, { code, asOf });
  const rate = data.region.organizationFigures.coverage.organizationCoverage;
  return [rate.numerator, rate.denominator];
}

/** Polls until `read` returns `expected`; returns the milliseconds it took (the feed's delay as a user sees it). */
async function waitFor<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) expect(value).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function registerEntity(name: string): Promise<string> {
  const data = await gql(
    `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
    { input: { kind: 'INDIVIDUAL_BUSINESS', name, regionCode: TOWNSHIP, registeredOn: '2020-01-01' } },
  );
  return data.registerMarketEntity.id;
}

const startGatewayFor = (subgraphs: SubgraphHarness['subgraphs']) =>
  startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
  });

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  gateway = await startGatewayFor(harness.subgraphs);
  token = await tokenFor(harness.env, '33', ['admin']);
  for (const name of ['甲服装店', '乙五金店', '丙小吃店', '丁杂货店']) entities.push(await registerEntity(name));
});

afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

describe('a joint branch covering three entities, through the gateway', () => {
  it('sees registry entities arrive through the feed', async () => {
    const delay = await waitFor(() => coverage(TOWNSHIP), [0, 4]);
    console.log(`feed: 4 registrations reached the coverage denominator in ${delay.toFixed(0)} ms`);
  });

  it('forms, covers, dissolves and re-forms; coverage as of each date equals the hand count', async () => {
    const formed = await gql(
      `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id formation } warnings } }`,
      { input: { name: '西湖个体联合党支部', level: 'BRANCH', formation: 'JOINT', regionCode: TOWNSHIP, hostKind: 'ASSOCIATION', hostName: '西湖区个私协会', establishedOn: '2021-03-01' } },
    );
    branch = formed.formPartyOrganization.organization.id;
    expect(formed.formPartyOrganization.warnings).toEqual([]);
    await gql(`mutation($id: ID!, $ids: [ID!]!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: "2021-03-01") { id } }`, {
      id: branch,
      ids: entities.slice(0, 3),
    });
    const page = await gql(`query($id: ID!) { partyOrganization(id: $id) { coverage(first: 2) { totalCount edges { node { entityId fromDate toDate } } } } }`, { id: branch });
    expect(page.partyOrganization.coverage.totalCount).toBe(3);
    expect(page.partyOrganization.coverage.edges).toHaveLength(2);
    expect(entities.slice(0, 3)).toContain(page.partyOrganization.coverage.edges[0].node.entityId);
    await gql(`mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2022-06-30") { dissolvedOn } }`, { id: branch });
    await gql(`mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2023-01-01") { dissolvedOn } }`, { id: branch });

    // Hand count: 4 operating entities throughout; 3 covered from 2021-03-01 to 2022-06-30 and again from 2023-01-01.
    expect(await coverage(TOWNSHIP, '2021-02-28')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2021-06-30')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP, '2022-06-29')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP, '2022-06-30')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2022-12-31')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2023-01-01')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP)).toEqual([3, 4]);
    for (const code of [COUNTY, '3301', '33']) expect(await coverage(code)).toEqual([3, 4]);
    const organizations = await gql(COVERAGE, { code: TOWNSHIP, asOf: '2022-12-31' });
    expect(organizations.region.organizationFigures.organizations).toBe(0);
  });

  it('an entity suspended in registry leaves numerator and denominator at every level once the feed delivers it', async () => {
    const written = performance.now();
    await gql(`mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: "2024-01-01") { status } }`, { id: entities[0] });
    const delay = await waitFor(() => coverage(TOWNSHIP), [2, 3]);
    console.log(`feed: a suspension reached the coverage figure ${(performance.now() - written).toFixed(0)} ms after the write (${delay.toFixed(0)} ms after its answer)`);
    for (const code of [COUNTY, '3301', '33']) expect(await coverage(code)).toEqual([2, 3]);
    expect(await coverage(TOWNSHIP, '2023-12-31')).toEqual([3, 4]);
  });

  it('a back-dated status change re-cuts the past figures', async () => {
    await gql(`mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: "2021-05-01") { status } }`, { id: entities[1] });
    await waitFor(() => coverage(TOWNSHIP, '2021-06-30'), [2, 3]);
    expect(await coverage(TOWNSHIP, '2021-04-30')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP)).toEqual([1, 2]);
  });

  it('catches up after organizations was down while registry changed', async () => {
    await harness.subgraphs.organizations!.stop();
    const newcomer = await registerEntity('戊新店');
    // The same record changed by a second transaction while the consumer is away: one page carries it twice.
    await gql(`mutation($id: ID!) { changeMarketEntityEmployees(id: $id, employees: 60, effectiveOn: "2024-03-01") { employees } }`, { id: newcomer });
    await gql(`mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: OPERATING, effectiveOn: "2024-06-01") { status } }`, { id: entities[0] });
    const restarted = await startSubgraph(organizationsSubgraph, {
      env: harness.env,
      adminUrl: harness.database.adminUrl,
      port: 0,
      prepare: false,
      feedUrls: { registry: new URL(harness.subgraphs.registry!.url).origin },
    });
    harness.subgraphs.organizations = restarted;
    await gateway.stop();
    gateway = await startGatewayFor(harness.subgraphs);
    // entities[0] operating and covered again, the newcomer operating and not covered.
    await waitFor(() => coverage(TOWNSHIP), [2, 4]);
    expect(newcomer).toMatch(/^[0-9a-f-]{36}$/);
  });
});
