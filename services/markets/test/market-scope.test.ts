/**
 * The standardization scope (规范化建设范围) by the rule of seed 002 — provincial and regional key
 * markets, five-star markets, four-star-and-above farmers' markets in city districts, farmers' markets
 * at county centres — plus markets added by hand: each market's scope moves with its grade, stars and
 * flags from their dates, and the figures of its township and county follow, equal to a hand count on
 * every date asked. The rule is configuration: started under another, every market is re-derived.
 */
import { describe, expect, it } from 'vitest';
import { startSubgraph } from '@xgz/kit';
import { errorCodes } from '@xgz/testkit';
import { marketsSubgraph } from '../src/server.js';
import { marketsFixture } from './markets-fixture.js';

const fixture = marketsFixture();

const TOWNSHIP = '330106004';
const RATE = `mutation($id: ID!, $on: LocalDate!, $input: MarketRatingInput!) { changeMarketRating(id: $id, effectiveOn: $on, input: $input) { id } }`;
const ADD = `mutation($id: ID!, $on: LocalDate!, $reason: String!) { addMarketToScope(id: $id, fromDate: $on, reason: $reason) { scopeReason } }`;
const REMOVE = `mutation($id: ID!, $on: LocalDate!) { removeMarketFromScope(id: $id, fromDate: $on) { scopeReason } }`;

const figures = async (asOf: string) => {
  const [township, county] = await fixture.entities(
    'Region',
    [TOWNSHIP, '330106'],
    `marketFigures(asOf: "${asOf}") { markets inScope inScopeByHandOnly scopeShare { numerator denominator } }`,
  );
  // Nothing else in this file lies in 西湖区: the county's figures are the township's.
  expect(county).toEqual(township);
  return township.marketFigures;
};
const scopeOf = async (id: string, asOf: string) =>
  (await fixture.entities('Market', [id], `scope(asOf: "${asOf}") { inScope byRule byHand }`))[0].scope;

const register = (name: string, extra: Record<string, unknown>) =>
  fixture.registerMarket(name, { regionCode: TOWNSHIP, openedOn: '2019-01-01', ...extra });

describe('the standardization scope', () => {
  it('follows the rule and hand additions from their dates, in the market and its regions’ figures', async () => {
    const cityFarmers = await register('城区四星农贸市场', {
      type: 'FARMERS',
      category: 'FARM_PRODUCE',
      stars: 4,
      inCityDistrict: true,
    });
    const countyFarmers = await register('县城中心农贸市场', {
      type: 'FARMERS',
      category: 'FARM_PRODUCE',
      countyCentre: true,
    });
    const fiveStar = await register('五星服装市场', { type: 'PROFESSIONAL', category: 'CLOTHING', stars: 5 });
    const key = await register('省重点建材市场', {
      type: 'PROFESSIONAL',
      category: 'BUILDING_MATERIALS',
      keyGrade: 'PROVINCIAL_KEY',
    });
    const plain = await register('三星综合市场', { stars: 3 });
    // Four stars but not a farmers' market, or a farmers' market outside a city district: not by the rule.
    await register('四星小商品市场', {
      type: 'PROFESSIONAL',
      category: 'SMALL_COMMODITIES',
      stars: 4,
      inCityDistrict: true,
    });
    await register('乡镇四星农贸市场', { type: 'FARMERS', category: 'FARM_PRODUCE', stars: 4 });

    expect(await scopeOf(cityFarmers, '2019-01-01')).toEqual({ inScope: true, byRule: true, byHand: false });
    expect(await figures('2019-06-30')).toEqual({
      markets: 7,
      inScope: 4,
      inScopeByHandOnly: 0,
      scopeShare: { numerator: 4, denominator: 7 },
    });

    // The city-district farmers' market drops to three stars from 2021-03-01, recorded today.
    await fixture.call(RATE, { id: cityFarmers, on: '2021-03-01', input: { stars: 3 } });
    expect(await scopeOf(cityFarmers, '2021-02-28')).toMatchObject({ inScope: true });
    expect(await scopeOf(cityFarmers, '2021-03-01')).toEqual({ inScope: false, byRule: false, byHand: false });
    expect((await figures('2021-02-28')).inScope).toBe(4);
    expect((await figures('2021-03-01')).inScope).toBe(3);

    // Added by hand with a reason, then lifted: in scope between the two dates only.
    expect(
      (await fixture.call(ADD, { id: plain, on: '2021-06-01', reason: '街道重点培育' })).addMarketToScope.scopeReason,
    ).toBe('街道重点培育');
    expect(errorCodes(await fixture.send(ADD, { id: plain, on: '2021-07-01', reason: '再次' }))).toEqual([
      'ALREADY_ADDED_TO_SCOPE',
    ]);
    expect(await figures('2021-06-01')).toMatchObject({ inScope: 4, inScopeByHandOnly: 1 });
    await fixture.call(REMOVE, { id: plain, on: '2022-01-01' });
    expect(errorCodes(await fixture.send(REMOVE, { id: plain, on: '2022-02-01' }))).toEqual(['NOT_ADDED_TO_SCOPE']);
    expect(await figures('2022-01-01')).toMatchObject({ inScope: 3, inScopeByHandOnly: 0 });
    // A key market added by hand is in scope by both; lifting the hand addition leaves the rule.
    await fixture.call(ADD, { id: key, on: '2022-02-01', reason: '示范点' });
    expect(await scopeOf(key, '2022-02-01')).toEqual({ inScope: true, byRule: true, byHand: true });
    expect((await figures('2022-02-01')).inScopeByHandOnly).toBe(0);

    // Closed, a market counts nowhere from that day; the county-centre market keeps its scope by the rule.
    await fixture.call(`mutation($id: ID!) { closeMarket(id: $id, closedOn: "2023-01-01") { id } }`, { id: fiveStar });
    expect(await figures('2023-01-01')).toEqual({
      markets: 6,
      inScope: 2,
      inScopeByHandOnly: 0,
      scopeShare: { numerator: 2, denominator: 6 },
    });
    expect(await scopeOf(countyFarmers, '2023-01-01')).toEqual({ inScope: true, byRule: true, byHand: false });
    // Live figures are today's.
    expect((await figures(new Date().toISOString().slice(0, 10))).inScope).toBe(2);
  });

  it('is configuration: started under another rule, every market is re-derived before it serves', async () => {
    const before = await figures('2023-06-30');
    const restart = async (source: Record<string, string>) => {
      await fixture.harness().subgraphs.markets!.stop();
      fixture.harness().subgraphs.markets = await startSubgraph(marketsSubgraph, {
        env: fixture.harness().env,
        adminUrl: fixture.harness().database.adminUrl,
        port: 0,
        prepare: false,
        source: { ...process.env, NODE_ENV: 'test', ...source },
      });
    };
    // Without the county-centre clause, the county-centre farmers' market leaves the scope (the key market, added by hand too, stays).
    await restart({ SCOPE_COUNTY_CENTRE_FARMERS: 'false' });
    expect(await figures('2023-06-30')).toMatchObject({ inScope: before.inScope - 1 });
    await restart({});
    expect(await figures('2023-06-30')).toEqual(before);
  });
});
