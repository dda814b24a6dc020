/**
 * An organization's standing (三会一课 on schedule, term overdue, "六有" venue), derived from its
 * meetings, elections and venue checks and counted in its region's figures as of any date: a hand
 * count of a township's branches equals the figures on every date asked.
 */
import { describe, expect, it } from 'vitest';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const TOWNSHIP = '330106013';
const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;

const standing = async (asOf: string) =>
  (
    await fixture.entities(
      'Region',
      [TOWNSHIP],
      `organizationFigures(asOf: "${asOf}") { meetingSchedule { numerator denominator } termsOverdue { numerator denominator } venueStandard { numerator denominator } }`,
    )
  )[0].organizationFigures;

describe('standing in the figures', () => {
  it('counts branches on schedule, overdue terms and venues up to standard as of each date', async () => {
    const { members } = await fixture.entityWithMembers('2019-06-01', 1, { township: TOWNSHIP });
    const formed = { regionCode: TOWNSHIP, establishedOn: '2020-01-01', electedOn: '2020-01-01' };
    const keeping = await fixture.formOrganization('按期支部', formed);
    await fixture.formOrganization('未开会支部', formed);
    // A committee keeps no 三会一课 schedule: it is no part of that denominator.
    await fixture.formOrganization('镇党委', { ...formed, level: 'COMMITTEE' });
    const hold = (type: string, heldOn: string) =>
      fixture.call('organizations', RECORD, {
        input: { organizationId: keeping, type, topic: `${type} ${heldOn}`, held: { heldOn, present: members } },
      });
    await hold('BRANCH_GENERAL_MEETING', '2020-03-01');
    await hold('PARTY_LECTURE', '2020-03-01');
    await hold('BRANCH_COMMITTEE_MEETING', '2020-04-01');
    await hold('GROUP_MEETING', '2020-04-01');

    // The first interval after forming owes nothing; a month on, the committee meeting is due.
    expect((await standing('2020-01-20')).meetingSchedule).toEqual({ numerator: 2, denominator: 2 });
    expect((await standing('2020-02-15')).meetingSchedule).toEqual({ numerator: 0, denominator: 2 });
    expect((await standing('2020-04-15')).meetingSchedule).toEqual({ numerator: 1, denominator: 2 });
    expect((await standing('2020-05-01')).meetingSchedule).toEqual({ numerator: 0, denominator: 2 });

    // Branch terms end after 3 years, the committee's after 5; an election ends one branch's overdue time.
    expect((await standing('2022-12-31')).termsOverdue).toEqual({ numerator: 0, denominator: 3 });
    expect((await standing('2023-01-01')).termsOverdue).toEqual({ numerator: 2, denominator: 3 });
    await fixture.call(
      'organizations',
      `mutation($id: ID!) { recordElection(organizationId: $id, electedOn: "2023-03-01") { id } }`,
      {
        id: keeping,
      },
    );
    expect((await standing('2023-02-28')).termsOverdue).toEqual({ numerator: 2, denominator: 3 });
    expect((await standing('2023-03-01')).termsOverdue).toEqual({ numerator: 1, denominator: 3 });

    await fixture.call(
      'organizations',
      `mutation($id: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $id, input: $input) { checkedOn } }`,
      {
        id: keeping,
        input: {
          checkedOn: '2021-01-01',
          place: true,
          facilities: true,
          sign: true,
          flag: true,
          booksAndPapers: true,
          rules: true,
        },
      },
    );
    expect((await standing('2020-12-31')).venueStandard).toEqual({ numerator: 0, denominator: 3 });
    expect((await standing('2021-01-01')).venueStandard).toEqual({ numerator: 1, denominator: 3 });
  });
});
