/**
 * The market ledger (市场台账): markets registered with their category, grade, stars and flags; the
 * dated facts changed from a date (never before the last change), closed and reopened, the ledger's
 * declarations and honours updated; each refusal coded, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes, tokenFor } from '@xgz/testkit';
import { marketInput, marketsFixture } from './markets-fixture.js';

const fixture = marketsFixture();

const REGISTER = `mutation($input: RegisterMarketInput!) { registerMarket(input: $input) { id name category { code name } keyGrade stars } }`;
const RATE = `mutation($id: ID!, $on: LocalDate!, $input: MarketRatingInput!) { changeMarketRating(id: $id, effectiveOn: $on, input: $input) { stars keyGrade } }`;
const MARKET = `query($id: ID!) { market(id: $id) { name stars keyGrade closedOn declaredVendors yearlyTurnover honours { title level year }
  history { from to stars keyGrade open } } }`;

const read = async (id: string) => (await fixture.call(MARKET, { id })).market;

describe('the market ledger', () => {
  it('registers a market with its category and rating, and keeps its rating history by date', async () => {
    const { registerMarket } = await fixture.call(REGISTER, {
      input: marketInput('  四季青   服装市场 ', {
        type: 'PROFESSIONAL',
        category: 'CLOTHING',
        stars: 3,
        keyGrade: 'REGIONAL_KEY',
      }),
    });
    expect(registerMarket).toMatchObject({
      name: '四季青 服装市场',
      category: { code: 'CLOTHING', name: '服装' },
      stars: 3,
    });
    const id = registerMarket.id;
    await fixture.call(RATE, { id, on: '2020-05-01', input: { stars: 4 } });
    await fixture.call(RATE, { id, on: '2021-01-01', input: { keyGrade: null } });
    const market = await read(id);
    expect(market).toMatchObject({ stars: 4, keyGrade: null });
    expect(market.history).toEqual([
      { from: '2018-01-01', to: '2020-05-01', stars: 3, keyGrade: 'REGIONAL_KEY', open: true },
      { from: '2020-05-01', to: '2021-01-01', stars: 4, keyGrade: 'REGIONAL_KEY', open: true },
      { from: '2021-01-01', to: null, stars: 4, keyGrade: null, open: true },
    ]);
    // Changes come in order: one dated before the last is refused and changes nothing.
    expect(errorCodes(await fixture.send(RATE, { id, on: '2020-12-31', input: { stars: 5 } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await read(id)).history).toHaveLength(3);
  });

  it('closes and reopens a market from a date; a closed one takes no rating and frees its name', async () => {
    const id = await fixture.registerMarket('关闭农贸市场', { type: 'FARMERS', category: 'FARM_PRODUCE' });
    const close = `mutation($id: ID!, $on: LocalDate!) { closeMarket(id: $id, closedOn: $on) { closedOn } }`;
    const reopen = `mutation($id: ID!, $on: LocalDate!) { reopenMarket(id: $id, reopenedOn: $on) { closedOn } }`;
    expect((await fixture.call(close, { id, on: '2022-03-01' })).closeMarket.closedOn).toBe('2022-03-01');
    expect(errorCodes(await fixture.send(close, { id, on: '2022-04-01' }))).toEqual(['MARKET_CLOSED']);
    expect(errorCodes(await fixture.send(RATE, { id, on: '2022-04-01', input: { stars: 2 } }))).toEqual([
      'MARKET_CLOSED',
    ]);
    // Its name is free while it is closed; reopening it then meets the new one.
    const successor = await fixture.registerMarket('关闭农贸市场', { openedOn: '2022-06-01' });
    expect(errorCodes(await fixture.send(reopen, { id, on: '2023-01-01' }))).toEqual(['DUPLICATE_MARKET']);
    await fixture.call(close, { id: successor, on: '2023-01-01' });
    expect((await fixture.call(reopen, { id, on: '2023-02-01' })).reopenMarket.closedOn).toBeNull();
    expect((await read(id)).history.map((period: { open: boolean }) => period.open)).toEqual([true, false, true]);
    expect(errorCodes(await fixture.send(reopen, { id, on: '2023-03-01' }))).toEqual(['MARKET_OPEN']);
  });

  it('updates the ledger’s declarations and honours, undated', async () => {
    const id = await fixture.registerMarket('台账市场', { ledger: { declaredVendors: 120 } });
    await fixture.call(
      `mutation($id: ID!) { updateMarketLedger(id: $id, ledger: { yearlyTurnover: 12345.678, consumerRightsStation: true }) { id } }`,
      { id },
    );
    const honour = `mutation($id: ID!, $input: MarketHonourInput!) { recordMarketHonour(marketId: $id, input: $input) { year } }`;
    const given = { title: '文明诚信市场', level: 'CITY', year: 2021 };
    await fixture.call(honour, { id, input: given });
    expect(errorCodes(await fixture.send(honour, { id, input: given }))).toEqual(['HONOUR_ALREADY_RECORDED']);
    expect(errorCodes(await fixture.send(honour, { id, input: { ...given, year: 2999 } }))).toEqual(['BAD_USER_INPUT']);
    await fixture.call(honour, { id, input: { ...given, level: 'PROVINCE', year: 2023 } });
    expect(await read(id)).toMatchObject({
      declaredVendors: 120,
      yearlyTurnover: 12345.68,
      honours: [
        { title: '文明诚信市场', level: 'PROVINCE', year: 2023 },
        { title: '文明诚信市场', level: 'CITY', year: 2021 },
      ],
    });
    // Undated: the market's dated history is untouched.
    expect((await read(id)).history).toHaveLength(1);
  });

  it('refuses bad markets, coded, and writes none', async () => {
    const register = (extra: Record<string, unknown>) =>
      fixture.send(REGISTER, { input: marketInput('拒绝市场', extra) });
    expect(errorCodes(await register({ name: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ category: 'NO_SUCH_CATEGORY' }))).toEqual(['UNKNOWN_MARKET_CATEGORY']);
    expect(errorCodes(await register({ stars: 6 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ regionCode: '330106' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ regionCode: '330106999' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ openedOn: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ ledger: { declaredVendors: -1 } }))).toEqual(['BAD_USER_INPUT']);
    const outsider = await tokenFor(fixture.harness().env, '44');
    expect(errorCodes(await fixture.send(REGISTER, { input: marketInput('拒绝市场') }, outsider))).toEqual([
      'FORBIDDEN',
    ]);
    const analyst = await tokenFor(fixture.harness().env, '33', ['analyst']);
    expect(errorCodes(await fixture.send(REGISTER, { input: marketInput('拒绝市场') }, analyst))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await fixture.owner(`select 1 from market where name = '拒绝市场'`)).toEqual([]);

    // The same form eight times at once makes one market.
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fixture.send(REGISTER, { input: marketInput('并发市场') })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const answer of answers.filter((each) => each.errors))
      expect(errorCodes(answer)).toEqual(['DUPLICATE_MARKET']);
    expect(await fixture.owner(`select count(*)::int as n from market where name = '并发市场'`)).toEqual([{ n: 1 }]);
  });
});

describe('market categories', () => {
  it('are a maintained list that an admin extends without a code change', async () => {
    const list = (await fixture.call(`{ marketCategories { code name } }`)).marketCategories;
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(list).toContainEqual({ code: 'HARDWARE_MOULDS', name: '五金模具' });
    const add = `mutation($code: String!, $name: String!) { addMarketCategory(code: $code, name: $name) { code name } }`;
    await fixture.call(add, { code: 'LAMPS', name: '灯饰' });
    expect(errorCodes(await fixture.send(add, { code: 'LAMPS', name: '灯具' }))).toEqual(['MARKET_CATEGORY_EXISTS']);
    expect(errorCodes(await fixture.send(add, { code: 'lamps!', name: '灯具' }))).toEqual(['BAD_USER_INPUT']);
    const official = await tokenFor(fixture.harness().env, '33', ['official']);
    expect(errorCodes(await fixture.send(add, { code: 'TILES', name: '瓷砖' }, official))).toEqual(['FORBIDDEN']);
    expect(await fixture.registerMarket('灯饰城', { category: 'LAMPS' })).toEqual(expect.any(String));
  });
});
