/**
 * Organization life (组织生活, 编入支部): a member takes part in one organization's life at a time —
 * joining another ends the current one that day, leaving ends it — and the member's organization,
 * history and the organization's members follow, live and as of a date. Refusals are coded and
 * write nothing.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const JOIN = `mutation($member: ID!, $org: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $member, organizationId: $org, fromDate: $on) { fromDate toDate } }`;
const LEAVE = `mutation($member: ID!, $on: LocalDate!) { leaveOrganizationLife(memberId: $member, leftOn: $on) { fromDate toDate } }`;

const memberView = async (member: string, asOf: string) =>
  (
    await fixture.entities(
      'PartyMember',
      [member],
      `organization(asOf: "${asOf}") { id } organizationHistory { organizationId fromDate toDate }`,
    )
  )[0];

const membersOf = async (organization: string, asOf: string) =>
  (
    await fixture.call(
      'organizations',
      `query($id: ID!, $asOf: LocalDate) { partyOrganization(id: $id) { members(asOf: $asOf, first: 20) { totalCount edges { node { memberId } } } } }`,
      { id: organization, asOf },
    )
  ).partyOrganization.members;

describe('joining and leaving', () => {
  it('keeps one organization at a time: a move ends the old membership on the day the new begins', async () => {
    const { members } = await fixture.entityWithMembers('2019-01-01', 2);
    const [member, colleague] = members as [string, string];
    const first = await fixture.formOrganization('生活第一支部');
    const second = await fixture.formOrganization('生活第二支部');
    await fixture.call('organizations', JOIN, { member, org: first, on: '2019-03-01' });
    await fixture.call('organizations', JOIN, { member: colleague, org: first, on: '2019-03-01' });
    await fixture.call('organizations', JOIN, { member, org: second, on: '2020-07-01' });

    expect((await memberView(member, '2020-06-30')).organization.id).toBe(first);
    const moved = await memberView(member, '2020-07-01');
    expect(moved.organization.id).toBe(second);
    expect(moved.organizationHistory).toEqual([
      { organizationId: first, fromDate: '2019-03-01', toDate: '2020-07-01' },
      { organizationId: second, fromDate: '2020-07-01', toDate: null },
    ]);
    expect((await membersOf(first, '2020-06-30')).totalCount).toBe(2);
    expect((await membersOf(first, '2020-07-01')).edges.map((edge: any) => edge.node.memberId)).toEqual([colleague]);

    const left = await fixture.call('organizations', LEAVE, { member, on: '2021-01-01' });
    expect(left.leaveOrganizationLife).toEqual({ fromDate: '2020-07-01', toDate: '2021-01-01' });
    expect((await memberView(member, '2021-01-01')).organization).toBeNull();
    expect((await membersOf(second, '2020-12-31')).totalCount).toBe(1);
  });

  it('refuses what cannot be, coded, and writes nothing', async () => {
    const { members } = await fixture.entityWithMembers('2019-05-01', 1);
    const { members: elsewhere } = await fixture.entityWithMembers('2019-05-01', 1, { township: '330106012' });
    const member = members[0]!;
    const organization = await fixture.formOrganization('生活拒绝支部');
    const join = (id: string, on: string) => fixture.send('organizations', JOIN, { member: id, org: organization, on });

    expect(errorCodes(await join(member, '2019-04-30'))).toEqual(['BEFORE_REGISTRATION']);
    expect(errorCodes(await join(elsewhere[0]!, '2019-06-01'))).toEqual(['MEMBER_OUTSIDE_ORGANIZATION_REGION']);
    expect(errorCodes(await join('00000000-0000-4000-8000-000000000001', '2019-06-01'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await fixture.send('organizations', LEAVE, { member, on: '2019-06-01' }))).toEqual([
      'NOT_IN_ORGANIZATION_LIFE',
    ]);
    expect(await fixture.owner(`select 1 from life_membership where member_id = $1`, [member])).toEqual([]);

    await fixture.call('organizations', JOIN, { member, org: organization, on: '2019-06-01' });
    expect(errorCodes(await join(member, '2019-08-01'))).toEqual(['ALREADY_IN_ORGANIZATION_LIFE']);
    expect(errorCodes(await fixture.send('organizations', LEAVE, { member, on: '2019-05-31' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await memberView(member, '2020-01-01')).organizationHistory).toEqual([
      { organizationId: organization, fromDate: '2019-06-01', toDate: null },
    ]);
  });
});
