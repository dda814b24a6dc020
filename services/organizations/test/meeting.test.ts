/**
 * Meetings (三会一课, 主题党日, 组织生活会): planned, then held with attendance — or held at once —,
 * listed by type and by the days they were held. A meeting is held once; attendance names each member
 * once and only members placed in the organization's region. Refusals are coded and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id plannedOn heldOn expectedCount presentCount } }`;
const HELD = `mutation($id: ID!, $held: HeldMeetingInput!) { recordMeetingHeld(meetingId: $id, held: $held) { id heldOn decisions expectedCount presentCount attendance { member { id } present absenceReason } } }`;

const meetingsOf = async (organization: string, filter: Record<string, unknown>) =>
  (
    await fixture.call(
      'organizations',
      `query($id: ID!, $type: MeetingType, $from: LocalDate, $to: LocalDate) { partyOrganization(id: $id) { meetings(type: $type, heldFrom: $from, heldTo: $to, first: 20) { totalCount edges { node { topic } } } } }`,
      { id: organization, ...filter },
    )
  ).partyOrganization.meetings;

describe('meetings', () => {
  it('are planned, then held once with attendance, and listed by type and held dates', async () => {
    const { members } = await fixture.entityWithMembers('2019-01-01', 3);
    const [host, present, absent] = members as [string, string, string];
    const organization = await fixture.formOrganization('会议支部');
    const planned = await fixture.call('organizations', RECORD, {
      input: {
        organizationId: organization,
        type: 'BRANCH_GENERAL_MEETING',
        topic: ' 季度党员大会 ',
        plannedOn: '2020-03-15',
      },
    });
    expect(planned.recordMeeting).toMatchObject({ plannedOn: '2020-03-15', heldOn: null, expectedCount: 0 });
    const id = planned.recordMeeting.id;
    const held = {
      heldOn: '2020-03-16',
      hostMemberId: host,
      present: [host, present],
      absent: [{ memberId: absent, reason: 'ILLNESS' }],
      decisions: '  通过年度计划 ',
    };
    const answer = await fixture.call('organizations', HELD, { id, held });
    expect(answer.recordMeetingHeld).toMatchObject({
      heldOn: '2020-03-16',
      decisions: '通过年度计划',
      expectedCount: 3,
      presentCount: 2,
    });
    expect(answer.recordMeetingHeld.attendance).toHaveLength(3);
    expect(answer.recordMeetingHeld.attendance).toContainEqual({
      member: { id: absent },
      present: false,
      absenceReason: 'ILLNESS',
    });
    expect(errorCodes(await fixture.send('organizations', HELD, { id, held }))).toEqual(['MEETING_ALREADY_HELD']);

    await fixture.call('organizations', RECORD, {
      input: {
        organizationId: organization,
        type: 'PARTY_LECTURE',
        topic: '党课',
        held: { heldOn: '2020-05-04', present: [host] },
      },
    });
    expect((await meetingsOf(organization, {})).totalCount).toBe(2);
    expect((await meetingsOf(organization, { type: 'PARTY_LECTURE' })).edges).toEqual([{ node: { topic: '党课' } }]);
    expect((await meetingsOf(organization, { from: '2020-04-01', to: '2020-12-31' })).totalCount).toBe(1);
    expect((await meetingsOf(organization, { from: '2020-03-16', to: '2020-03-16' })).edges).toEqual([
      { node: { topic: '季度党员大会' } },
    ]);
  });

  it('refuse what cannot be, coded, and write nothing', async () => {
    const { members } = await fixture.entityWithMembers('2019-01-01', 2);
    const { members: elsewhere } = await fixture.entityWithMembers('2019-01-01', 1, { township: '330106012' });
    const [member, other] = members as [string, string];
    const organization = await fixture.formOrganization('会议拒绝支部');
    const record = (input: Record<string, unknown>) =>
      fixture.send('organizations', RECORD, {
        input: { organizationId: organization, type: 'GROUP_MEETING', topic: '小组会', ...input },
      });

    expect(errorCodes(await record({ topic: '   ', plannedOn: '2020-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record({}))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record({ plannedOn: '2099-01-01' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record({ held: { heldOn: '2020-01-01', present: [] } }))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await record({
          held: { heldOn: '2020-01-01', present: [member], absent: [{ memberId: member, reason: 'BUSINESS' }] },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record({ held: { heldOn: '2017-06-01', present: [member] } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record({ held: { heldOn: '2020-01-01', present: [member, elsewhere[0]] } }))).toEqual([
      'MEMBER_OUTSIDE_ORGANIZATION_REGION',
    ]);
    expect(
      await fixture.owner(
        `select 1 from meeting where organization_id = $1 union all select 1 from meeting_attendance where member_id = $2`,
        [organization, member],
      ),
    ).toEqual([]);

    await fixture.call(
      'organizations',
      `mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2021-01-01") { id } }`,
      {
        id: organization,
      },
    );
    // Held before the dissolution it may still be recorded; planned after it, it may not.
    await fixture.call('organizations', RECORD, {
      input: {
        organizationId: organization,
        type: 'GROUP_MEETING',
        topic: '补录',
        held: { heldOn: '2020-12-30', present: [other] },
      },
    });
    expect(errorCodes(await record({ held: { heldOn: '2021-01-02', present: [other] } }))).toEqual([
      'ORGANIZATION_NOT_ALIVE_ON_DATE',
    ]);
    expect(errorCodes(await record({ plannedOn: '2021-02-01' }))).toEqual(['ORGANIZATION_DISSOLVED']);
    expect((await meetingsOf(organization, {})).totalCount).toBe(1);
  });
});
