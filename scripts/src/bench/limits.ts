/**
 * Limits benchmark: how fast an over-limit request is refused (target: under 50 ms), at the
 * gateway and at a subgraph, beside an ordinary small query for scale. Prints figures only.
 */
import { request as httpRequest } from 'node:http';
import { signDevToken, startSubgraph, type RunningSubgraph } from '@xgz/kit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { subgraphs } from '../subgraphs.js';
import { latency, ms, withScratchDatabase } from './harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const treeWalk = (levels: number) => {
  let selection = 'code';
  for (let level = 0; level < levels; level++) selection = `${level % 2 ? 'parent' : 'children'} { code ${selection} }`;
  return `{ region(code: "33") { ${selection} } }`;
};
const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** The refused requests of the issue, and an accepted one for scale. */
const CASES = [
  {
    name: 'accepted: region with 11 children',
    query: '{ region(code: "33") { name children { code name } } }',
    code: null,
  },
  { name: 'nine-level tree walk (depth)', query: treeWalk(9), code: 'QUERY_TOO_DEEP' },
  {
    name: 'three levels of lists with figures (cost)',
    query:
      '{ region(code: "33") { children { children { children { code registryFigures { marketEntities { existing byKind { count } } partyMembers { total byFindingState { count } } } } } } } }',
    code: 'QUERY_TOO_COSTLY',
  },
  { name: '21 aliases', query: aliases(21, 'region(code: "33") { code }'), code: 'QUERY_TOO_MANY_ALIASES' },
  {
    name: '1,000 aliases of overdueFeedback(first: 1000) (tokens)',
    query: aliases(1_000, 'overdueFeedback(first: 1000) { daysOverdue }'),
    code: 'QUERY_TOO_LONG',
  },
] as const;

/** A 50 MB body without a token: answered (401) before the body is read. */
function unauthenticatedUpload(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
    });
    request.on('response', (response) => {
      response.resume();
      request.destroy();
      if (response.statusCode === 401) resolve();
      else reject(new Error(`expected 401, got ${response.statusCode}`));
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.write('{"query":"');
  });
}

export async function benchLimits() {
  await withScratchDatabase(async (adminUrl, env) => {
    const running: RunningSubgraph[] = await Promise.all(
      subgraphs.map((definition) => startSubgraph(definition, { env, adminUrl, port: 0, prepare: false })),
    );
    const gateway = await startGateway({
      env: parseGatewayEnv({ GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
    });
    const token = await signDevToken(env, { regionCode: '33', roles: ['admin'] });
    try {
      console.log(`time to answer, ${RUNS} runs after 5 warm-up (target for refusals: under 50 ms)`);
      console.log('| request | answer | gateway p50 / p95 | registry subgraph p50 / p95 |\n|---|---|---|---|');
      for (const testCase of CASES) {
        const send = (url: string) => async () => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: testCase.query }),
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          const code = body.errors?.[0]?.extensions?.code ?? null;
          if (code !== testCase.code) throw new Error(`${testCase.name}: expected ${testCase.code}, got ${code}`);
        };
        const atGateway = await latency(send(gateway.url), RUNS);
        const atSubgraph = await latency(send(running[0]!.url), RUNS);
        console.log(
          `| ${testCase.name} | ${testCase.code ?? 'data'} | ${ms(atGateway.p50)} / ${ms(atGateway.p95)} ms | ${ms(atSubgraph.p50)} / ${ms(atSubgraph.p95)} ms |`,
        );
      }
      const uploadGateway = await latency(() => unauthenticatedUpload(gateway.url), RUNS);
      const uploadSubgraph = await latency(() => unauthenticatedUpload(running[0]!.url), RUNS);
      console.log(
        `| 50 MB body without a token | 401 | ${ms(uploadGateway.p50)} / ${ms(uploadGateway.p95)} ms | ${ms(uploadSubgraph.p50)} / ${ms(uploadSubgraph.p95)} ms |`,
      );
    } finally {
      await gateway.stop();
      await Promise.all(running.map((subgraph) => subgraph.stop()));
    }
  });
}
