/**
 * The GraphQL-over-HTTP conformance audits (graphql-http): every audit (MUST, SHOULD, MAY) at the
 * real gateway, every MUST audit at each subgraph (the host can reach them too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import type { RunningServer } from '@xgz/kit';
import { startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

let harness: SubgraphHarness;
let gateway: RunningServer;
let token: string;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  const subgraphUrls = Object.fromEntries(
    Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
  );
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls,
  });
  token = await tokenFor(harness.env, '33', ['analyst']);
});
afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

/** The audits' operations (`{ __typename }`) need nothing but a token, as any signed-in client sends. */
const auditsAt = (url: () => string) =>
  serverAudits({
    url,
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });

describe('GraphQL over HTTP at the gateway: every audit', () => {
  for (const audit of auditsAt(() => gateway.url)) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});

for (const name of ['registry', 'organizations', 'markets', 'assessments']) {
  describe(`GraphQL over HTTP at the ${name} subgraph: every MUST audit`, () => {
    for (const audit of auditsAt(() => harness.subgraphs[name]!.url).filter((candidate) =>
      candidate.name.startsWith('MUST'),
    )) {
      it(audit.name, async () => {
        const result = await audit.fn();
        expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
      });
    }
  });
}
