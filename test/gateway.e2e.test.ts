/**
 * End to end through the real gateway: four subgraphs and the gateway on free ports, over HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles, type RunningServer } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

let harness: SubgraphHarness;
let gateway: RunningServer;
let hanging: Server;
let slowGateway: RunningServer;
let zhejiang: string;
let hangzhou: string;

const figures = 'partyOrganizationCount marketCount inspectionCount';
const urls = () =>
  Object.fromEntries(Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  const owner = (name: string) => subgraphRoles(harness.database.adminUrl, name, harness.env.DB_ROLE_PASSWORD).ownerUrl;
  await withConnection(owner('assessments'), (client) =>
    client.query(
      `insert into inspection (id, region_code, inspected_on, findings) values (gen_random_uuid(), '330106001', '2025-06-15', 'ok')`,
    ),
  );
  const env = parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' });
  gateway = await startGateway({ env, subgraphUrls: urls() });
  // Organizations and markets keep dated histories and figures: they are written through the service, as users do.
  const admin = await tokenFor(harness.env, '33');
  for (const [name, type, category, regionCode] of [
    ['四季青服装市场', 'PROFESSIONAL', 'CLOTHING', '330102001'],
    ['西湖农贸市场', 'FARMERS', 'FARM_PRODUCE', '330106002'],
  ]) {
    const registered = await executeGraphQL(
      gateway.url,
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      { token: admin, variables: { input: { name, type, category, regionCode, openedOn: '2015-01-01' } } },
    );
    expect(registered.errors).toBeUndefined();
  }
  for (const [name, level, regionCode, establishedOn] of [
    ['西湖区个私协会党委', 'COMMITTEE', '330106001', '2015-04-01'],
    ['宁波市场党支部', 'BRANCH', '330203001', '2016-01-01'],
  ]) {
    const formed = await executeGraphQL(
      gateway.url,
      `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
      {
        token: admin,
        variables: { input: { name, level, formation: 'JOINT', regionCode, hostKind: 'REGION', establishedOn } },
      },
    );
    expect(formed.errors).toBeUndefined();
  }

  // A subgraph that accepts connections and never answers, behind a gateway with a short timeout.
  hanging = createServer(() => {});
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
  slowGateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', SUBGRAPH_TIMEOUT_MS: '300', LOG_LEVEL: 'error' }),
    subgraphUrls: { ...urls(), assessments: hangingUrl },
  });
  zhejiang = await tokenFor(harness.env, '33');
  hangzhou = await tokenFor(harness.env, '3301', ['official']);
});

afterAll(async () => {
  await slowGateway?.stop();
  hanging?.closeAllConnections();
  hanging?.close();
  await gateway?.stop();
  await harness?.stop();
});

describe('gateway', () => {
  it('answers 浙江省 with its 11 cities', async () => {
    const response = await executeGraphQL(gateway.url, '{ region(code: "33") { name level children { code name } } }', {
      token: zhejiang,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.region.name).toBe('浙江省');
    expect(response.data.region.level).toBe('PROVINCE');
    expect(response.data.region.children).toHaveLength(11);
  });

  it('joins fields from all four subgraphs on one Region', async () => {
    const response = await executeGraphQL(
      gateway.url,
      `{ region(code: "3301") { name parent { name } ${figures} children { code ${figures} } } }`,
      { token: zhejiang },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.region).toMatchObject({
      name: '杭州市',
      parent: { name: '浙江省' },
      partyOrganizationCount: 1,
      marketCount: 2,
      inspectionCount: 1,
    });
    const xihu = response.data.region.children.find((child: { code: string }) => child.code === '330106');
    expect(xihu).toEqual({ code: '330106', partyOrganizationCount: 1, marketCount: 1, inspectionCount: 1 });
  });

  it('keeps the tree public but answers FORBIDDEN for figures outside the token region', async () => {
    const response = await executeGraphQL(gateway.url, `{ region(code: "3302") { name ${figures} } }`, {
      token: hangzhou,
    });
    expect(response.data.region).toEqual({
      name: '宁波市',
      partyOrganizationCount: null,
      marketCount: null,
      inspectionCount: null,
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('answers UNAUTHENTICATED without a token, without calling subgraphs', async () => {
    const response = await executeGraphQL(gateway.url, '{ region(code: "33") { name } }');
    expect(response.data ?? null).toBeNull();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    // Behind this gateway assessments never answers: had the request gone out, it would time out.
    const hangingPlan = await executeGraphQL(
      slowGateway.url,
      '{ inspection(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(errorCodes(hangingPlan)).toEqual(['UNAUTHENTICATED']);
  });

  it('passes coded input errors through', async () => {
    const response = await executeGraphQL(gateway.url, '{ region(code: "3") { name } }', { token: zhejiang });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('reports health and readiness', async () => {
    expect((await fetch(gateway.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(gateway.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });

  it('returns the other fields and a masked error when a subgraph is too slow', async () => {
    const response = await executeGraphQL(slowGateway.url, `{ region(code: "3301") { name ${figures} } }`, {
      token: zhejiang,
    });
    expect(response.data.region).toEqual({
      name: '杭州市',
      partyOrganizationCount: 1,
      marketCount: 2,
      inspectionCount: null,
    });
    expect(errorCodes(response)).toEqual(['SUBGRAPH_UNAVAILABLE']);
  });

  it('returns the other fields and a masked error when a subgraph is down', async () => {
    await harness.subgraphs.markets!.stop();
    const response = await executeGraphQL(gateway.url, `{ region(code: "3301") { name ${figures} } }`, {
      token: zhejiang,
    });
    expect(response.data.region).toEqual({
      name: '杭州市',
      partyOrganizationCount: 1,
      marketCount: null,
      inspectionCount: 1,
    });
    expect(errorCodes(response)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(response.raw).not.toMatch(/ECONNREFUSED|fetch failed|stack|\/work\/|127\.0\.0\.1|node_modules/i);
  });
});
