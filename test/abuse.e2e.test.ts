/**
 * What someone probing the endpoints from the host tries — through the real gateway and at a
 * subgraph directly: query limits, oversized and unauthenticated bodies, forged tokens, schema
 * hints, and malformed input. Every answer is coded; nothing is half-done.
 */
import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCost, type RunningServer } from '@xgz/kit';
import { errorCodes, executeGraphQL, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';
import { FIGURES_BENCH_QUERY } from '../scripts/src/bench/figures.js';
import { GATEWAY_BENCH_QUERY } from '../scripts/src/bench/gateways.js';
import { seededRandom } from '../scripts/src/seeded-random.js';

let harness: SubgraphHarness;
let gateway: RunningServer;
let admin: string;
let official: string;
let registryUrl: string;

/** Both endpoints someone on the host can reach: the gateway and a subgraph. */
const endpoints = () => [
  { name: 'gateway', url: gateway.url },
  { name: 'registry subgraph', url: registryUrl },
];

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  registryUrl = harness.subgraphs.registry!.url;
  const subgraphUrls = Object.fromEntries(
    Object.entries(harness.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
  );
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls,
  });
  admin = await tokenFor(harness.env, '33', ['admin']);
  official = await tokenFor(harness.env, '3301', ['official']);
});
afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

/** region { parent { children { parent { children … } } } }, `levels` deep. */
const treeWalk = (levels: number) => {
  let selection = 'code';
  for (let level = 0; level < levels; level++) selection = `${level % 2 ? 'parent' : 'children'} { code ${selection} }`;
  return `{ region(code: "33") { ${selection} } }`;
};

describe('query limits, at the gateway and at a subgraph directly', () => {
  it('refuses the nine-level tree walk, and a shallow walk over three levels of lists as too costly', async () => {
    // Under 33: about 11 cities, 90 counties, 1,387 townships; with full figures for each, well over the budget.
    const wide = `{ region(code: "33") { children { children { children { code registryFigures {
      marketEntities { existing byKind { count } byStatus { count } } partyMembers { total byCategory { count } byFindingState { count } } } } } } } }`;
    for (const endpoint of endpoints()) {
      const walk = await executeGraphQL(endpoint.url, treeWalk(9), { token: admin });
      expect(errorCodes(walk), endpoint.name).toEqual(['QUERY_TOO_DEEP']);
      expect(walk.data ?? null).toBeNull();
      expect(walk.raw.length, endpoint.name).toBeLessThan(1_000);
      const costly = await executeGraphQL(endpoint.url, wide, { token: admin });
      expect(errorCodes(costly), endpoint.name).toEqual(['QUERY_TOO_COSTLY']);
      expect(costly.errors![0]!.message).toMatch(/would cost \d+, over the budget of 50000/);
    }
  });

  it('refuses a list or object nested 2,000 levels deep, in the document or the variables, before parsing, at every endpoint', async () => {
    const endpointsAll = [
      ...endpoints(),
      { name: 'organizations subgraph', url: harness.subgraphs.organizations!.url },
    ];
    const deepList = `{ region(code: "33") { name } } query Q($x: String = ${'['.repeat(2_000)}"a"${']'.repeat(2_000)}) { __typename }`;
    const deepObject = `mutation { formPartyOrganization(input: ${'{ a: '.repeat(2_000)}1${' }'.repeat(2_000)}) { warnings } }`;
    let variables: unknown = 'a';
    for (let level = 0; level < 2_000; level++) variables = [variables];
    for (const endpoint of endpointsAll) {
      for (const [query, vars] of [
        [deepList, undefined],
        [deepObject, undefined],
        ['query($v: [String]) { __typename }', { v: variables }],
      ] as const) {
        const response = await executeGraphQL(endpoint.url, query, {
          token: admin,
          variables: vars as Record<string, unknown> | undefined,
        });
        expect(response.status, `${endpoint.name}: ${response.raw.slice(0, 200)}`).toBe(400);
        expect(errorCodes(response), endpoint.name).toEqual(['QUERY_TOO_DEEP']);
        expect(response.errors![0]!.message).toContain('QUERY_MAX_NESTING');
      }
      // Brackets inside strings and comments do not count.
      const quoted = await executeGraphQL(
        endpoint.url,
        `# ${'['.repeat(500)}\n{ region(code: "${'['.repeat(100)}") { name } }`,
        { token: admin },
      );
      expect(errorCodes(quoted), endpoint.name).not.toContain('QUERY_TOO_DEEP');
    }
  });

  it('refuses more aliases than QUERY_MAX_ALIASES, and 1,000 aliases of a large page outright', async () => {
    const aliases = (count: number, field: string) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    for (const endpoint of endpoints()) {
      expect(
        errorCodes(await executeGraphQL(endpoint.url, aliases(21, 'region(code: "33") { code }'), { token: admin })),
        endpoint.name,
      ).toEqual(['QUERY_TOO_MANY_ALIASES']);
      expect(
        (await executeGraphQL(endpoint.url, aliases(20, 'region(code: "33") { code }'), { token: admin })).errors,
        endpoint.name,
      ).toBeUndefined();
      const attack = await executeGraphQL(
        endpoint.url,
        aliases(1_000, 'overdueFeedback(first: 1000) { daysOverdue }'),
        { token: admin },
      );
      expect(errorCodes(attack), endpoint.name).toEqual(['QUERY_TOO_LONG']);
    }
  });

  it('refuses nesting deeper than QUERY_MAX_DEPTH and documents with more than QUERY_MAX_TOKENS tokens', async () => {
    let deep = 'code';
    for (let level = 0; level < 11; level++) deep = `parent { ${deep} }`;
    const long = `{ region(code: "33") { ${'code '.repeat(6_000)} } }`;
    for (const endpoint of endpoints()) {
      expect(
        errorCodes(await executeGraphQL(endpoint.url, `{ region(code: "330106001") { ${deep} } }`, { token: admin })),
        endpoint.name,
      ).toEqual(['QUERY_TOO_DEEP']);
      expect(errorCodes(await executeGraphQL(endpoint.url, long, { token: admin })), endpoint.name).toEqual([
        'QUERY_TOO_LONG',
      ]);
    }
  });

  it('counts list sizes: a page of 200 costs 20 times a page of 10, and nested lists multiply', async () => {
    const supergraph = buildASTSchema(
      parse(await readFile(path.resolve(import.meta.dirname, '../schema/supergraph.graphql'), 'utf8')),
      { assumeValidSDL: true },
    );
    const page = (first: number) =>
      parse(`{ partyMembers(first: ${first}) { edges { node { id entity { id name } } } } }`);
    const cost = (first: number) => operationCost(supergraph, page(first), {}, undefined, harness.env);
    expect(cost(200)).toBe(20 * cost(10));
    const children = parse('{ region(code: "33") { children { children { code } } } }');
    // region 1 + children 20 × (1 + children 20 × 1): lists multiply what is under them.
    expect(operationCost(supergraph, children, {}, undefined, harness.env)).toBe(1 + 20 * (1 + 20 * 1));
    const countiesTownships =
      '{ regions(level: COUNTY, parentCode: "33") { children { children { code registryFigures { marketEntities { existing } } } } } }';
    expect(operationCost(supergraph, parse(countiesTownships), {}, undefined, harness.env)).toBe(
      100 * (1 + 20 * (1 + 20 * 3)),
    );
    const response = await executeGraphQL(gateway.url, countiesTownships, { token: admin });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('lets every query of the README and the benchmarks through', async () => {
    const readme = await readFile(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(queries.length).toBeGreaterThan(1);
    for (const query of [...queries, GATEWAY_BENCH_QUERY, FIGURES_BENCH_QUERY]) {
      const response = await executeGraphQL(gateway.url, query, { token: admin });
      expect(
        errorCodes(response).filter((code) => String(code).startsWith('QUERY_')),
        query,
      ).toEqual([]);
      expect(response.data, query).toBeTruthy();
    }
  });
});

/** Sends headers declaring `declaredBytes` but only a first small piece of the body, and waits for an answer. */
function answerWithoutWholeBody(url: string, headers: Record<string, string>, declaredBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(declaredBytes), ...headers },
    });
    request.on('response', (response) => {
      resolve(response.statusCode!);
      response.resume();
      request.destroy();
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    // A server that waited for the whole body would never answer: the rest never comes.
    request.write(`{"query":"${'x'.repeat(1_000)}`);
    setTimeout(
      () => reject(new Error('no answer before the body was complete: the server is reading it first')),
      10_000,
    ).unref();
  });
}

describe('bodies and tokens, before anything is read', () => {
  it('answers 401 to a request without a valid token without reading its 50 MB body', async () => {
    for (const endpoint of endpoints()) {
      expect(await answerWithoutWholeBody(endpoint.url, {}, 50 * 1024 * 1024), endpoint.name).toBe(401);
    }
  });

  it('answers 413 REQUEST_TOO_LARGE to a body declared over MAX_BODY_BYTES, and to one that streams past it', async () => {
    for (const endpoint of endpoints()) {
      expect(
        await answerWithoutWholeBody(
          endpoint.url,
          { authorization: `Bearer ${admin}` },
          harness.env.MAX_BODY_BYTES + 1,
        ),
        endpoint.name,
      ).toBe(413);
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: `{ __typename }`,
          variables: { padding: 'x'.repeat(harness.env.MAX_BODY_BYTES) },
        }),
      });
      expect(response.status, endpoint.name).toBe(413);
      expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    }
  });

  it('answers UNAUTHENTICATED with 401 and shows no schema hints to a caller without a token', async () => {
    for (const endpoint of endpoints()) {
      const response = await executeGraphQL(endpoint.url, '{ regoin(code: "33") { name } }');
      expect(response.status, endpoint.name).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.raw).not.toMatch(/Did you mean|region/);
      expect(response.errors![0]!.message).toContain('npm run -s token --');
    }
  });

  it('refuses tokens signed with the old public development secret, or with HS512, or without expiry', async () => {
    const forge = (secret: string, alg = 'HS256', expires = true) => {
      const jwt = new SignJWT({ region: '33', roles: ['admin'] })
        .setProtectedHeader({ alg })
        .setSubject('x')
        .setIssuer('xgz-dev')
        .setAudience('xgz')
        .setIssuedAt();
      if (expires) jwt.setExpirationTime('1h');
      return jwt.sign(new TextEncoder().encode(secret));
    };
    const forged = [
      await forge('xgz-development-secret-not-for-production'),
      await forge(harness.env.JWT_SECRET!, 'HS512'),
      await forge(harness.env.JWT_SECRET!, 'HS256', false),
    ];
    for (const endpoint of endpoints()) {
      for (const token of forged) {
        const response = await executeGraphQL(endpoint.url, '{ region(code: "33") { name } }', { token });
        expect(response.status, endpoint.name).toBe(401);
        expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      }
    }
  });
});

const REGISTER_ENTITY = `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`;
const entityInput = (overrides: Record<string, unknown>) => ({
  kind: 'INDIVIDUAL_BUSINESS',
  name: '测试商店',
  regionCode: '330106001',
  registeredOn: '2020-01-01',
  ...overrides,
});
const entityCount = async () =>
  (await executeGraphQL(gateway.url, '{ marketEntities(first: 1) { totalCount } }', { token: admin })).data
    .marketEntities.totalCount as number;

describe('bad input gets a coded error naming what to fix, and changes nothing', () => {
  it('codes variable coercion failures BAD_USER_INPUT at the gateway (wrong Int, enum, Boolean)', async () => {
    const cases = [
      { query: 'query($f: Int) { partyMembers(first: $f) { totalCount } }', variables: { f: 'x' } },
      {
        query: 'query($s: [MemberCategory!]) { partyMembers(filter: { categories: $s }) { totalCount } }',
        variables: { s: ['NOPE'] },
      },
      {
        query: 'query($d: Boolean) { partyMembers(filter: { includeDeparted: $d }) { totalCount } }',
        variables: { d: 'yes' },
      },
      {
        query: 'query($a: LocalDate) { region(code: "33") { registryFigures(asOf: $a) { asOf } } }',
        variables: { a: '2020-13-45' },
      },
    ];
    for (const { query, variables } of cases) {
      const response = await executeGraphQL(gateway.url, query, { token: admin, variables });
      expect(errorCodes(response), query).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses malformed ids, NUL bytes, bidi overrides, 100 kB names and dates before 1949-10-01, naming the argument', async () => {
    const before = await entityCount();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation { recordFeedbackStep(memberId: "not-a-uuid", step: REGISTERED, occurredOn: "2020-01-01") { id } }`,
        {},
        'memberId',
      ],
      [REGISTER_ENTITY, { input: entityInput({ marketId: '' }) }, 'input.marketId'],
      [REGISTER_ENTITY, { input: entityInput({ name: 'bad\u0000name' }) }, 'input.name'],
      [REGISTER_ENTITY, { input: entityInput({ name: 'shop\u202Egnp.exe' }) }, 'input.name'],
      [REGISTER_ENTITY, { input: entityInput({ name: '名'.repeat(100_000) }) }, 'input.name'],
      [REGISTER_ENTITY, { input: entityInput({ address: 'line one\nline two' }) }, 'input.address'],
      [REGISTER_ENTITY, { input: entityInput({ registeredOn: '1900-01-01' }) }, 'input.registeredOn'],
      [REGISTER_ENTITY, { input: entityInput({ regionCode: '33x' }) }, 'input.regionCode'],
    ];
    for (const [query, variables, field] of cases) {
      const response = await executeGraphQL(gateway.url, query, { token: official, variables });
      expect(errorCodes(response), field).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.extensions!.field, field).toBe(field);
      expect(response.errors![0]!.message).toContain(field);
      expect(response.raw.length, field).toBeLessThan(2_000);
    }
    expect(await entityCount()).toBe(before);
  });

  it('answers every fuzzed mutation with a coded error or a result, never INTERNAL_SERVER_ERROR', async () => {
    const random = seededRandom(2026);
    const nasty = [
      '',
      ' ',
      '\u0000',
      'x'.repeat(300),
      '\uD800',
      '\u202E',
      '1949-09-30',
      '2999-01-01',
      '-1',
      'null',
      '33',
      '99',
      '330106001',
      crypto.randomUUID(),
      '\t',
      '=HYPERLINK("x")',
    ];
    const mutations = [
      (v: string) =>
        [
          REGISTER_ENTITY,
          {
            input: entityInput({
              [random.pick(['name', 'regionCode', 'registeredOn', 'creditCode', 'marketId', 'address', 'industry'])]: v,
            }),
          },
        ] as const,
      (v: string) =>
        [
          `mutation($id: ID!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: $on) { id } }`,
          { id: v, on: '2021-01-01' },
        ] as const,
      (v: string) =>
        [
          `mutation($m: ID!, $n: String) { recordFeedbackStep(memberId: $m, step: REGISTERED, occurredOn: "2020-01-01", note: $n) { id } }`,
          { m: random.pick([v, crypto.randomUUID()]), n: v },
        ] as const,
      (v: string) =>
        [
          `query($r: ID, $s: String) { partyMembers(filter: { regionCode: $r, search: $s }) { totalCount } }`,
          { r: v, s: v },
        ] as const,
      (v: string) =>
        [`query($a: LocalDate) { region(code: "3301") { registryFigures(asOf: $a) { asOf } } }`, { a: v }] as const,
    ];
    const codes = new Map<string, number>();
    for (let attempt = 0; attempt < 200; attempt++) {
      const [query, variables] = random.pick(mutations)(random.pick(nasty));
      const response = await executeGraphQL(gateway.url, query, { token: official, variables });
      for (const code of errorCodes(response)) codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
    }
    expect(codes.get('INTERNAL_SERVER_ERROR') ?? 0, JSON.stringify([...codes])).toBe(0);
    expect(codes.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(50);
  });
});
