/**
 * The "六有" venue check (阵地建设: place, facilities, sign, flag, books and papers, rules): the
 * check in force on a date is the latest on or before it, a second check on a day replaces the
 * first, and the organization meets the standard only with all six items.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const CHECK = `mutation($id: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $id, input: $input) { checkedOn meetsStandard } }`;
const allSix = { place: true, facilities: true, sign: true, flag: true, booksAndPapers: true, rules: true };

const venueOf = async (organization: string, asOf: string) =>
  (
    await fixture.call(
      'organizations',
      `query($id: ID!, $asOf: LocalDate) { partyOrganization(id: $id) { venue(asOf: $asOf) { checkedOn flag meetsStandard } } }`,
      { id: organization, asOf },
    )
  ).partyOrganization.venue;

describe('venue checks', () => {
  it('answer the latest check on or before a date; all six items meet the standard', async () => {
    const organization = await fixture.formOrganization('阵地支部');
    const check = (checkedOn: string, items: Record<string, boolean>) =>
      fixture.call('organizations', CHECK, { id: organization, input: { checkedOn, ...allSix, ...items } });
    expect((await check('2019-04-01', { flag: false })).recordVenueCheck).toEqual({
      checkedOn: '2019-04-01',
      meetsStandard: false,
    });
    await check('2020-04-01', {});

    expect(await venueOf(organization, '2019-03-31')).toBeNull();
    expect(await venueOf(organization, '2020-03-31')).toEqual({
      checkedOn: '2019-04-01',
      flag: false,
      meetsStandard: false,
    });
    expect(await venueOf(organization, '2020-04-01')).toEqual({
      checkedOn: '2020-04-01',
      flag: true,
      meetsStandard: true,
    });

    // Checked again the same day, the new answer replaces the old one.
    await check('2020-04-01', { rules: false });
    expect((await venueOf(organization, '2020-05-01')).meetsStandard).toBe(false);
    expect(
      await fixture.owner(`select checked_on::text from venue_check where organization_id = $1 order by 1`, [
        organization,
      ]),
    ).toEqual([{ checked_on: '2019-04-01' }, { checked_on: '2020-04-01' }]);
  });

  it('are refused before the organization was formed and after it was dissolved', async () => {
    const organization = await fixture.formOrganization('阵地拒绝支部');
    const check = (checkedOn: string) =>
      fixture.send('organizations', CHECK, { id: organization, input: { checkedOn, ...allSix } });
    expect(errorCodes(await check('2017-12-31'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await check('2999-01-01'))).toEqual(['BAD_USER_INPUT']);
    await fixture.call(
      'organizations',
      `mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2020-01-01") { id } }`,
      {
        id: organization,
      },
    );
    expect(errorCodes(await check('2019-06-01'))).toEqual(['ORGANIZATION_DISSOLVED']);
    expect(await fixture.owner(`select 1 from venue_check where organization_id = $1`, [organization])).toEqual([]);
  });
});
