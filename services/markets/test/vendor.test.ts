/**
 * Vendors (经营户) both ways through the fact feed: registry places an entity in a market only when its
 * copy of markets' markets says the market exists, lies in the caller's region and is open that day;
 * markets counts the entity, its members on the books and their 三亮 plates in that market from that
 * day, from its copy of registry's facts — and a move between markets moves both markets' counts and
 * their regions' figures, once the feed delivers it (the delay is measured and printed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  executeGraphQL,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  type SubgraphHarness,
} from '@xgz/testkit';
import { registrySubgraph, withCheckCharacter } from '@xgz/registry';
import { marketsSubgraph } from '../src/server.js';
import { marketInput } from './markets-fixture.js';

const [TOWNSHIP_A, TOWNSHIP_B] = ['330106002', '330106004'];
let harness: SubgraphHarness;
let token: string;
let serial = 0;

const send = (subgraph: 'registry' | 'markets', query: string, variables: Record<string, unknown> = {}, as = token) =>
  executeGraphQL(harness.subgraphs[subgraph]!.url, query, { token: as, variables });
async function call(
  subgraph: 'registry' | 'markets',
  query: string,
  variables: Record<string, unknown> = {},
  as = token,
) {
  const answer = await send(subgraph, query, variables, as);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}
/** Both copies current: registry's of markets, markets' of registry. */
const fed = async () => {
  await harness.subgraphs.registry!.feeds[0]!.caughtUp();
  await harness.subgraphs.markets!.feeds[0]!.caughtUp();
};

const registerMarket = async (name: string, regionCode: string, as = token) =>
  (
    await call(
      'markets',
      `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id } }`,
      { input: marketInput(name, { regionCode }) },
      as,
    )
  ).registerMarket.id as string;

const entityInput = (marketId: string | null, registeredOn = '2020-01-01') => ({
  kind: 'INDIVIDUAL_BUSINESS',
  name: `经营户${++serial}`,
  creditCode: withCheckCharacter(`92330106MA2X${String(serial).padStart(5, '0')}`),
  regionCode: TOWNSHIP_A,
  registeredOn,
  marketId,
});
const REGISTER_ENTITY = `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`;

async function vendorWithMembers(marketId: string, members: number, plates: number): Promise<string> {
  const entity = (await call('registry', REGISTER_ENTITY, { input: entityInput(marketId) })).registerMarketEntity.id;
  for (let index = 0; index < members; index++) {
    const member = (
      await call(
        'registry',
        `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
        {
          input: {
            entityId: entity,
            name: `经营户党员${serial}-${index}`,
            isOwner: index === 0,
            category: 'FORMAL',
            distribution: 'IN_MARKET_INDIVIDUAL_BUSINESS',
            relationshipType: 'FLOATING',
            foundVia: 'PHONE',
            registeredOn: '2020-01-01',
          },
        },
      )
    ).registerPartyMember.id;
    if (index < plates)
      await call(
        'registry',
        `mutation($id: ID!) { recordSanliang(id: $id, commitment: "诚信经营", effectiveOn: "2020-06-01") { id } }`,
        {
          id: member,
        },
      );
  }
  return entity;
}

const vendorsOf = async (market: string, asOf: string) =>
  (
    await resolveEntities(
      harness.subgraphs.markets!.url,
      token,
      [{ __typename: 'Market', id: market }],
      `... on Market { vendors(asOf: "${asOf}") { vendors vendorMembers platesHung { numerator denominator } } }`,
    )
  ).data._entities[0].vendors;

const regionVendors = async (code: string, asOf: string) =>
  (
    await resolveEntities(
      harness.subgraphs.markets!.url,
      token,
      [{ __typename: 'Region', code }],
      `... on Region { marketFigures(asOf: "${asOf}") { vendors vendorMembers platesHung { numerator denominator } } }`,
    )
  ).data._entities[0].marketFigures;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, marketsSubgraph]);
  token = await tokenFor(harness.env, '33');
});
afterAll(() => harness?.stop());

describe('vendors through the feed', () => {
  it('count in their market from the day registry places them, and move with them to another', async () => {
    const [first, second] = [
      await registerMarket('东门市场', TOWNSHIP_A),
      await registerMarket('西门市场', TOWNSHIP_B),
    ];
    await fed();
    const entity = await vendorWithMembers(first, 3, 2);
    await fed();
    expect(await vendorsOf(first, '2020-03-01')).toEqual({
      vendors: 1,
      vendorMembers: 3,
      platesHung: { numerator: 0, denominator: 3 },
    });
    expect((await vendorsOf(first, '2020-06-01')).platesHung).toEqual({ numerator: 2, denominator: 3 });
    expect(await regionVendors(TOWNSHIP_A, '2020-06-01')).toEqual({
      vendors: 1,
      vendorMembers: 3,
      platesHung: { numerator: 2, denominator: 3 },
    });

    // Moved to the other market from 2022-01-01: both markets and both townships change on that day.
    const moved = Date.now();
    await call(
      'registry',
      `mutation($id: ID!, $m: ID!) { setMarketEntityMarket(id: $id, marketId: $m, effectiveOn: "2022-01-01") { id } }`,
      {
        id: entity,
        m: second,
      },
    );
    let delay = 0;
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await vendorsOf(second, '2022-01-01')).vendors === 1) {
        delay = Date.now() - moved;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    console.log(`feed delay, registry → markets, one move: ${delay} ms`);
    expect(delay).toBeGreaterThan(0);
    expect(await vendorsOf(first, '2021-12-31')).toMatchObject({ vendors: 1, vendorMembers: 3 });
    expect(await vendorsOf(first, '2022-01-01')).toMatchObject({ vendors: 0, vendorMembers: 0 });
    expect(await vendorsOf(second, '2022-01-01')).toMatchObject({ vendors: 1, vendorMembers: 3 });
    expect((await regionVendors(TOWNSHIP_A, '2022-01-01')).vendors).toBe(0);
    expect((await regionVendors(TOWNSHIP_B, '2022-01-01')).vendors).toBe(1);
    expect((await regionVendors('330106', '2022-01-01')).vendors).toBe(1);

    // The market closes: its vendors count nowhere from that day; cleared, the entity trades nowhere.
    await call('markets', `mutation($id: ID!) { closeMarket(id: $id, closedOn: "2023-06-01") { id } }`, { id: second });
    expect((await vendorsOf(second, '2023-06-01')).vendors).toBe(0);
    expect((await regionVendors('330106', '2023-05-31')).vendors).toBe(1);
    await fed();
    const clear = `mutation($id: ID!, $on: LocalDate!) { clearMarketEntityMarket(id: $id, effectiveOn: $on) { id } }`;
    await call('registry', clear, { id: entity, on: '2023-07-01' });
    expect(errorCodes(await send('registry', clear, { id: entity, on: '2023-08-01' }))).toEqual(['NOT_IN_MARKET']);
  });

  it('are refused by registry for a market it does not know, outside the region, or not open that day', async () => {
    const guangdong = await tokenFor(harness.env, '44');
    const elsewhere = await registerMarket('深圳农批市场', '440303001', guangdong);
    const open = await registerMarket('北山市场', TOWNSHIP_A);
    await call('markets', `mutation($id: ID!) { closeMarket(id: $id, closedOn: "2021-01-01") { id } }`, { id: open });
    await fed();
    const register = (marketId: string, registeredOn?: string) =>
      send('registry', REGISTER_ENTITY, { input: entityInput(marketId, registeredOn) });
    expect(errorCodes(await register('00000000-0000-4000-8000-000000000001'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await register(elsewhere))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await register(open, '2017-06-01'))).toEqual(['MARKET_NOT_OPEN']);
    expect(errorCodes(await register(open, '2021-02-01'))).toEqual(['MARKET_NOT_OPEN']);
    expect(errorCodes(await register('not-an-id'))).toEqual(['BAD_USER_INPUT']);
    const listed = await call(
      'registry',
      `query($m: ID) { marketEntities(filter: { marketId: $m }, first: 5) { totalCount } }`,
      {
        m: open,
      },
    );
    expect(listed.marketEntities.totalCount).toBe(0);
    // Open on the day, it is accepted.
    expect(
      (await call('registry', REGISTER_ENTITY, { input: entityInput(open, '2020-06-01') })).registerMarketEntity.id,
    ).toEqual(expect.any(String));
  });

  it('name a market’s operator (举办者): a registry entity of kind MARKET_OPERATOR in the region, known through the feed', async () => {
    const operator = (
      await call('registry', REGISTER_ENTITY, {
        input: {
          kind: 'MARKET_OPERATOR',
          name: '市场服务有限公司',
          creditCode: withCheckCharacter(`91330106MA2Y${String(++serial).padStart(5, '0')}`),
          regionCode: TOWNSHIP_A,
          registeredOn: '2015-01-01',
        },
      })
    ).registerMarketEntity.id;
    const shop = (await call('registry', REGISTER_ENTITY, { input: entityInput(null) })).registerMarketEntity.id;
    await fed();
    const register = (operatorId: string, name: string) =>
      send(
        'markets',
        `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id operator { id } } }`,
        {
          input: marketInput(name, { regionCode: TOWNSHIP_A, operatorId }),
        },
      );
    expect(errorCodes(await register(shop, '个体户举办的市场'))).toEqual(['NOT_A_MARKET_OPERATOR']);
    expect(errorCodes(await register('00000000-0000-4000-8000-000000000002', '无名市场'))).toEqual(['NOT_FOUND']);
    const registered = await register(operator, '公司举办的市场');
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerMarket.operator).toEqual({ id: operator });
    const operated = async () =>
      (
        await resolveEntities(
          harness.subgraphs.markets!.url,
          token,
          [{ __typename: 'MarketEntity', id: operator }],
          '... on MarketEntity { operatedMarkets { name } }',
        )
      ).data._entities[0].operatedMarkets;
    expect(await operated()).toEqual([{ name: '公司举办的市场' }]);
    await call('markets', `mutation($id: ID!) { setMarketOperator(id: $id, operatorId: null) { operator { id } } }`, {
      id: registered.data.registerMarket.id,
    });
    expect(await operated()).toEqual([]);
  });
});
