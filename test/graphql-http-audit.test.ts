/** The GraphQL-over-HTTP conformance audits (graphql-http) against the real gateway. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import type { RunningServer } from '@xgz/kit';
import { testEnv, tokenFor } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';

let gateway: RunningServer;
let token: string;

beforeAll(async () => {
  gateway = await startGateway({ env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }) });
  token = await tokenFor(testEnv(), '33', ['analyst']);
});
afterAll(() => gateway?.stop());

// The audits' operations (`{ __typename }`) are answered by the gateway itself; a signed-in client sends a token.
const audits = serverAudits({
  url: () => gateway.url,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});

describe('GraphQL over HTTP', () => {
  for (const audit of audits.filter((candidate) => candidate.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});
