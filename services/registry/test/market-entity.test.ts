import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollForwardSnapshots, subgraphRoles, today } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { directCounter } from './direct-count.js';
import { withCheckCharacter } from '../src/modules/market-entity/credit-code.js';
import { marketEntityFacts } from '../src/modules/market-entity/market-entity.facts.js';
import { registrySubgraph } from '../src/server.js';

let harness: SubgraphHarness;
let url: string;
let official: string;
let analyst: string;
let ningbo: string;
let serial = 100_000;
let adminToken: string;

const creditCode = (county = '330106') => withCheckCharacter(`91${county}MA2${String(serial++).padStart(6, '0')}`);

const REGISTER = `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id kind name creditCode regionCode status statusSince } }`;
const FIGURES = `query($code: ID!, $asOf: LocalDate) { region(code: $code) { registryFigures(asOf: $asOf) { asOf marketEntities { existing byKind { kind count } byStatus { status count } } } } }`;

const register = (input: Record<string, unknown>, token = official) =>
  executeGraphQL(url, REGISTER, {
    token,
    variables: {
      input: {
        kind: 'INDIVIDUAL_BUSINESS',
        name: '张记小吃',
        regionCode: '330106002',
        registeredOn: '2015-03-01',
        ...input,
      },
    },
  });

const figures = async (code: string, asOf?: string, token = official) => {
  const response = await executeGraphQL(url, FIGURES, { token, variables: { code, asOf } });
  expect(response.errors).toBeUndefined();
  const f = response.data.region.registryFigures.marketEntities;
  return {
    existing: f.existing as number,
    kind: Object.fromEntries(f.byKind.map((k: { kind: string; count: number }) => [k.kind, k.count])),
    status: Object.fromEntries(f.byStatus.map((s: { status: string; count: number }) => [s.status, s.count])),
  };
};

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  official = await tokenFor(harness.env, '33', ['official']);
  analyst = await tokenFor(harness.env, '33', ['analyst']);
  ningbo = await tokenFor(harness.env, '3302', ['admin']);
  adminToken = await tokenFor(harness.env, '33', ['admin']);
});
afterAll(() => harness?.stop());

describe('registering market entities', () => {
  it('registers an entity and counts it at township, county, city and province', async () => {
    const before = await Promise.all(['330106002', '330106', '3301', '33'].map((code) => figures(code)));
    const dayBefore = await figures('330106002', '2015-02-28');
    const response = await register({
      kind: 'SMALL_MICRO_ENTERPRISE',
      name: '西湖茶叶有限公司',
      creditCode: creditCode(),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.registerMarketEntity).toMatchObject({
      kind: 'SMALL_MICRO_ENTERPRISE',
      status: 'OPERATING',
      statusSince: '2015-03-01',
    });
    const after = await Promise.all(['330106002', '330106', '3301', '33'].map((code) => figures(code)));
    after.forEach((figure, level) => {
      expect(figure.existing).toBe(before[level]!.existing + 1);
      expect(figure.kind.SMALL_MICRO_ENTERPRISE).toBe(before[level]!.kind.SMALL_MICRO_ENTERPRISE + 1);
    });
    // Registered on 2015-03-01: the day before, nothing changed.
    expect(await figures('330106002', '2015-02-28')).toEqual(dayBefore);
  });

  it('rejects a mistyped credit code, naming the problem, and writes nothing', async () => {
    const valid = creditCode();
    const mistyped = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const listed = async () =>
      (await executeGraphQL(url, '{ marketEntities(first: 1) { totalCount } }', { token: official })).data
        .marketEntities.totalCount;
    const before = { figures: await figures('33'), listed: await listed() };
    const response = await register({ kind: 'SMALL_MICRO_ENTERPRISE', creditCode: mistyped });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/check character/);
    expect({ figures: await figures('33'), listed: await listed() }).toEqual(before);
  });

  it('requires a credit code for enterprises, a township or village inside the region, and a writer role', async () => {
    expect(errorCodes(await register({ kind: 'SMALL_MICRO_ENTERPRISE' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ regionCode: '3301' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ regionCode: '999999999' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await register({ regionCode: '330106999' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ registeredOn: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({}, analyst))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await register({}, ningbo))).toEqual(['FORBIDDEN']);
  });

  it('refuses a market its copy of markets’ markets does not hold, and registers nothing', async () => {
    const listed = async () =>
      (await executeGraphQL(url, '{ marketEntities(first: 1) { totalCount } }', { token: official })).data
        .marketEntities.totalCount;
    const before = await listed();
    const response = await register({ marketId: crypto.randomUUID() });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.errors![0]!.message).toMatch(/^marketId: no market/);
    expect(await listed()).toBe(before);
  });

  it('refuses a second entity with the same credit code', async () => {
    const code = creditCode();
    expect((await register({ kind: 'SMALL_MICRO_ENTERPRISE', creditCode: code })).errors).toBeUndefined();
    const again = await register({ kind: 'SMALL_MICRO_ENTERPRISE', creditCode: code, name: '另一家' });
    expect(errorCodes(again)).toEqual(['DUPLICATE_CREDIT_CODE']);
  });
});

describe('status changes and 个转企', () => {
  it('suspends, resumes and deregisters with dates, and answers figures as of any date', async () => {
    const created = await register({ regionCode: '330106004', registeredOn: '2014-05-01' });
    const id = created.data.registerMarketEntity.id;
    const change = (status: string, effectiveOn: string) =>
      executeGraphQL(
        url,
        'mutation($id: ID!, $status: MarketEntityStatus!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: $status, effectiveOn: $on) { status statusSince } }',
        {
          token: official,
          variables: { id, status, on: effectiveOn },
        },
      );
    expect((await change('SUSPENDED', '2015-06-01')).data.changeMarketEntityStatus).toEqual({
      status: 'SUSPENDED',
      statusSince: '2015-06-01',
    });
    expect(errorCodes(await change('OPERATING', '2015-05-01'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await change('SUSPENDED', '2015-07-01'))).toEqual(['INVALID_STATUS_TRANSITION']);
    await change('DEREGISTERED', '2016-01-01');
    expect(errorCodes(await change('OPERATING', '2016-02-01'))).toEqual(['INVALID_STATUS_TRANSITION']);

    const township = '330106004';
    expect((await figures(township, '2015-05-31')).status.OPERATING).toBe(1);
    expect((await figures(township, '2015-06-30')).status.SUSPENDED).toBe(1);
    expect((await figures(township, '2015-12-31')).existing).toBe(1);
    expect(await figures(township, '2016-06-30')).toMatchObject({
      existing: 0,
      status: { DEREGISTERED: 1, OPERATING: 0, SUSPENDED: 0 },
    });
  });

  it('converts an individual business into an enterprise and keeps its past', async () => {
    const created = await register({ regionCode: '330106005', registeredOn: '2013-01-10' });
    const id = created.data.registerMarketEntity.id;
    const converted = await executeGraphQL(
      url,
      `mutation($id: ID!, $code: String!) { convertToEnterprise(id: $id, creditCode: $code, effectiveOn: "2016-07-01", name: "张记餐饮有限公司") { kind name creditCode history { validFrom validTo kind reason superseded } } }`,
      { token: official, variables: { id, code: creditCode() } },
    );
    expect(converted.errors).toBeUndefined();
    const entity = converted.data.convertToEnterprise;
    expect(entity).toMatchObject({ kind: 'SMALL_MICRO_ENTERPRISE', name: '张记餐饮有限公司' });
    const current = entity.history.filter((v: { superseded: boolean }) => !v.superseded);
    expect(current).toEqual([
      {
        validFrom: '2013-01-10',
        validTo: '2016-07-01',
        kind: 'INDIVIDUAL_BUSINESS',
        reason: 'CONVERTED',
        superseded: false,
      },
      {
        validFrom: '2016-07-01',
        validTo: null,
        kind: 'SMALL_MICRO_ENTERPRISE',
        reason: 'CONVERTED',
        superseded: false,
      },
    ]);
    expect(entity.history.filter((v: { superseded: boolean }) => v.superseded)).toHaveLength(1);
    expect((await figures('330106005', '2016-06-30')).kind).toMatchObject({
      INDIVIDUAL_BUSINESS: 1,
      SMALL_MICRO_ENTERPRISE: 0,
    });
    expect((await figures('330106005', '2016-07-01')).kind).toMatchObject({
      INDIVIDUAL_BUSINESS: 0,
      SMALL_MICRO_ENTERPRISE: 1,
    });
    const again = await executeGraphQL(
      url,
      `mutation($id: ID!, $code: String!) { convertToEnterprise(id: $id, creditCode: $code, effectiveOn: "2017-01-01") { id } }`,
      {
        token: official,
        variables: { id, code: creditCode() },
      },
    );
    expect(errorCodes(again)).toEqual(['INVALID_CONVERSION']);
    const audit = await executeGraphQL(
      url,
      `{ auditEvents(filter: { subjectId: "${id}" }) { edges { node { action actor } } } }`,
      { token: adminToken },
    );
    expect(audit.data.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action).sort()).toEqual([
      'ENTITY_CONVERTED',
      'REGISTER_ENTITY',
    ]);
  });
});

describe('concurrent changes', () => {
  it('let exactly one of two simultaneous identical changes through', async () => {
    const created = await register({ regionCode: '330106009', registeredOn: '2018-01-01' });
    const id = created.data.registerMarketEntity.id;
    const suspend = () =>
      executeGraphQL(
        url,
        `mutation { changeMarketEntityStatus(id: "${id}", status: SUSPENDED, effectiveOn: "2019-01-01") { status } }`,
        { token: official },
      );
    // Another transaction holds the row while both requests arrive: both must wait, then decide on fresh data.
    const owner = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl;
    const results = await withConnection(owner, async (client) => {
      await client.query('begin');
      await client.query('select 1 from market_entity where id = $1 for update', [id]);
      const pending = [suspend(), suspend()];
      await new Promise((resolve) => setTimeout(resolve, 400));
      await client.query('commit');
      return Promise.all(pending);
    });
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(['INVALID_STATUS_TRANSITION']);
    const history = await executeGraphQL(url, `{ marketEntity(id: "${id}") { history { superseded } } }`, {
      token: official,
    });
    expect(history.data.marketEntity.history.filter((v: { superseded: boolean }) => !v.superseded)).toHaveLength(2);
  });
});

describe('region scope', () => {
  it('never shows an entity or its figures outside the viewer region', async () => {
    const created = await register({ regionCode: '330106007' });
    const id = created.data.registerMarketEntity.id;
    const one = await executeGraphQL(url, `{ marketEntity(id: "${id}") { id } }`, { token: ningbo });
    expect(one.data.marketEntity).toBeNull();
    const list = await executeGraphQL(url, '{ marketEntities(first: 200) { totalCount edges { node { id } } } }', {
      token: ningbo,
    });
    expect(list.data.marketEntities.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    const entities = await resolveEntities(
      url,
      ningbo,
      [{ __typename: 'MarketEntity', id }],
      '... on MarketEntity { id }',
    );
    expect(entities.data._entities).toEqual([null]);
    const outside = await executeGraphQL(url, FIGURES, { token: ningbo, variables: { code: '3301' } });
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    const listOutside = await executeGraphQL(url, '{ marketEntities(filter: { regionCode: "3301" }) { totalCount } }', {
      token: ningbo,
    });
    expect(errorCodes(listOutside)).toEqual(['FORBIDDEN']);
  });

  it('lists with filters and cursors', async () => {
    for (const name of ['丝绸专卖店', '丝绸批发部', '茶叶店']) await register({ name, regionCode: '330106008' });
    const query = `query($after: String) { marketEntities(first: 1, after: $after, filter: { regionCode: "330106008", search: "丝绸" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const first = await executeGraphQL(url, query, { token: official });
    expect(first.data.marketEntities.totalCount).toBe(2);
    expect(first.data.marketEntities.pageInfo.hasNextPage).toBe(true);
    const second = await executeGraphQL(url, query, {
      token: official,
      variables: { after: first.data.marketEntities.pageInfo.endCursor },
    });
    expect(second.data.marketEntities.pageInfo.hasNextPage).toBe(false);
    const names = [first, second].map((page) => page.data.marketEntities.edges[0].node.name).sort();
    expect(names).toEqual(['丝绸批发部', '丝绸专卖店'].sort());
  });
});

describe('figures against a direct count', () => {
  it('equal the raw history at every level, live and as of past dates, after random writes', async () => {
    const townships = ['330106009', '330106010', '330102001', '330203001'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const admin = await tokenFor(harness.env, '33', ['admin']);
    for (let i = 0; i < 40; i++) {
      const year = 2010 + Math.floor(random() * 10);
      const created = await register(
        {
          regionCode: townships[Math.floor(random() * townships.length)],
          registeredOn: `${year}-0${1 + Math.floor(random() * 9)}-15`,
        },
        admin,
      );
      const id = created.data.registerMarketEntity.id;
      if (random() < 0.5) {
        await executeGraphQL(
          url,
          `mutation { changeMarketEntityStatus(id: "${id}", status: ${random() < 0.5 ? 'SUSPENDED' : 'DEREGISTERED'}, effectiveOn: "${year + 1 + Math.floor(random() * 5)}-06-30") { id } }`,
          { token: admin },
        );
      }
    }
    const direct = await directCounter(harness, marketEntityFacts);
    const compareAll = async () => {
      for (const code of ['33', '3301', '3302', '330106', '330102', ...townships]) {
        for (const asOf of ['2012-06-30', '2014-12-31', '2017-06-30', today()]) {
          const served = await figures(code, asOf, admin);
          const count = direct(code, asOf);
          expect(served.existing, `${code} ${asOf}`).toBe(count('entity.existing'));
          for (const [kind, value] of Object.entries(served.kind))
            expect(value, `${code} ${asOf} ${kind}`).toBe(count(`entity.kind.${kind}`));
          for (const [status, value] of Object.entries(served.status))
            expect(value, `${code} ${asOf} ${status}`).toBe(count(`entity.status.${status}`));
        }
      }
    };
    await compareAll();
    // Snapshots rebuilt by the roll-forward (as after a report date passes) give the same figures.
    const owner = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD).ownerUrl;
    const rebuilt = await withConnection(owner, async (client) => {
      await client.query(`delete from figure_snapshot where report_date > '2012-12-31'`);
      await client.query(`delete from figure_snapshot_date where report_date > '2012-12-31'`);
      return rollForwardSnapshots(client);
    });
    expect(rebuilt[0]).toBe('2013-06-30');
    await compareAll();
  });
});
