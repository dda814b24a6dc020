/**
 * "五个一" demonstration sites (五个一示范点): a market is one from the day the last of its five items is
 * checked in place until a check finds one gone or it closes; its region's figures count the sites
 * and the townships with at least one ("one per street") — equal to a hand count on each date.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { marketsFixture } from './markets-fixture.js';

const fixture = marketsFixture();

const ITEMS = ['ACTIVITY_ROOM', 'RULES', 'LEDGERS', 'PUBLICITY_CORNER', 'GALLERY'];
const CHECK = `mutation($id: ID!, $input: DemonstrationCheckInput!) { recordDemonstrationCheck(marketId: $id, input: $input) { id } }`;
const check = (id: string, item: string, recordedOn: string, inPlace = true) =>
  fixture.send(CHECK, { id, input: { item, inPlace, evidence: '现场照片', recordedOn } });
/** All five items checked in place, one a month from `from`'s month (the last on the 1st, five months on). */
async function build(id: string, year: number) {
  for (const [index, item] of ITEMS.entries())
    expect((await check(id, item, `${year}-0${index + 1}-01`)).errors).toBeUndefined();
}

const figures = async (codes: string[], asOf: string) =>
  (
    await fixture.entities(
      'Region',
      codes,
      `marketFigures(asOf: "${asOf}") { demonstrationSites townshipsWithDemonstrationSite }`,
    )
  ).map((region) => region.marketFigures);

describe('demonstration sites', () => {
  it('count from the fifth item in place until one is gone, and the townships with one', async () => {
    const a1 = await fixture.registerMarket('北山示范市场', { regionCode: '330106002' });
    const a2 = await fixture.registerMarket('北山二号市场', { regionCode: '330106002' });
    const b1 = await fixture.registerMarket('西溪示范市场', { regionCode: '330106004' });
    await build(a1, 2020);
    await build(a2, 2021);
    await build(b1, 2021);
    const { market } = await fixture.call(
      `query($id: ID!) { market(id: $id) { before: demonstration(asOf: "2020-04-30") { site } after: demonstration(asOf: "2020-05-01") { site items { item inPlace } } } }`,
      { id: a1 },
    );
    expect(market.before.site).toBe(false);
    expect(market.after.site).toBe(true);
    expect(market.after.items.every((row: { inPlace: boolean }) => row.inPlace)).toBe(true);

    const codes = ['330106002', '330106004', '330106', '3301'];
    expect(await figures(codes, '2020-12-31')).toEqual([
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 0, townshipsWithDemonstrationSite: 0 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
    ]);
    expect(await figures(codes, '2021-05-01')).toEqual([
      { demonstrationSites: 2, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 3, townshipsWithDemonstrationSite: 2 },
      { demonstrationSites: 3, townshipsWithDemonstrationSite: 2 },
    ]);
    // The gallery of the first is gone from 2022; the second closes: 北山 has no site left from then.
    expect((await check(a1, 'GALLERY', '2022-03-01', false)).errors).toBeUndefined();
    await fixture.call(`mutation($id: ID!) { closeMarket(id: $id, closedOn: "2022-06-01") { id } }`, { id: a2 });
    expect(await figures(codes, '2022-03-01')).toEqual([
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 2, townshipsWithDemonstrationSite: 2 },
      { demonstrationSites: 2, townshipsWithDemonstrationSite: 2 },
    ]);
    expect(await figures(codes, '2022-06-01')).toEqual([
      { demonstrationSites: 0, townshipsWithDemonstrationSite: 0 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
      { demonstrationSites: 1, townshipsWithDemonstrationSite: 1 },
    ]);
  });

  it('refuse checks in the future, without evidence, before the market opened or after it closed', async () => {
    const id = await fixture.registerMarket('检查市场', { regionCode: '330106005', openedOn: '2020-01-01' });
    expect(errorCodes(await check(id, 'RULES', '2999-01-01'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await check(id, 'RULES', '2019-12-31'))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await fixture.send(CHECK, {
          id,
          input: { item: 'RULES', inPlace: true, evidence: ' ', recordedOn: '2020-02-01' },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    await fixture.call(`mutation($id: ID!) { closeMarket(id: $id, closedOn: "2021-01-01") { id } }`, { id });
    expect(errorCodes(await check(id, 'RULES', '2021-02-01'))).toEqual(['MARKET_CLOSED']);
    expect(await fixture.owner(`select 1 from market_demonstration_record where market_id = $1`, [id])).toEqual([]);
  });
});
