/**
 * Committee posts (任职): a secretary at a time — the new one succeeds the last that day — deputies
 * and committee members beside; a post ends from a date; the committee and secretary answer live
 * and as of a date. Refusals are coded and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const APPOINT = `mutation($org: ID!, $member: ID!, $role: OrganizationRoleKind!, $on: LocalDate!) { appointOrganizationRole(organizationId: $org, memberId: $member, role: $role, fromDate: $on) { id fromDate toDate } }`;
const END = `mutation($id: ID!, $on: LocalDate!) { endOrganizationRole(roleId: $id, endedOn: $on) { id toDate } }`;

const committee = async (organization: string, asOf: string) =>
  (
    await fixture.call(
      'organizations',
      `query($id: ID!, $asOf: LocalDate) { partyOrganization(id: $id) { secretary(asOf: $asOf) { memberId } committee(asOf: $asOf) { memberId role } } }`,
      { id: organization, asOf },
    )
  ).partyOrganization;

const appoint = (organization: string, member: string, role: string, on: string) =>
  fixture.send('organizations', APPOINT, { org: organization, member, role, on });

describe('committee posts', () => {
  it('keep one secretary: a successor ends the predecessor that day; the committee reads as of a date', async () => {
    const { members } = await fixture.entityWithMembers('2018-06-01', 3);
    const [first, second, deputy] = members as [string, string, string];
    const organization = await fixture.formOrganization('任职支部');
    await fixture.call('organizations', APPOINT, {
      org: organization,
      member: first,
      role: 'SECRETARY',
      on: '2019-01-01',
    });
    const deputyPost = await fixture.call('organizations', APPOINT, {
      org: organization,
      member: deputy,
      role: 'DEPUTY_SECRETARY',
      on: '2019-01-01',
    });
    await fixture.call('organizations', APPOINT, {
      org: organization,
      member: second,
      role: 'SECRETARY',
      on: '2021-03-01',
    });

    expect((await committee(organization, '2021-02-28')).secretary.memberId).toBe(first);
    const after = await committee(organization, '2021-03-01');
    expect(after.secretary.memberId).toBe(second);
    expect(after.committee).toEqual([
      { memberId: second, role: 'SECRETARY' },
      { memberId: deputy, role: 'DEPUTY_SECRETARY' },
    ]);

    const ended = await fixture.call('organizations', END, {
      id: deputyPost.appointOrganizationRole.id,
      on: '2022-01-01',
    });
    expect(ended.endOrganizationRole.toDate).toBe('2022-01-01');
    expect((await committee(organization, '2022-01-01')).committee).toEqual([{ memberId: second, role: 'SECRETARY' }]);
    expect(
      await fixture.owner(
        `select member_id, to_date from organization_role where organization_id = $1 order by from_date, role`,
        [organization],
      ),
    ).toHaveLength(3);
  });

  it('are refused, coded, when the member holds one already, is not on the books then, or the post has ended', async () => {
    const { members } = await fixture.entityWithMembers('2019-01-01', 2);
    const [member, other] = members as [string, string];
    const organization = await fixture.formOrganization('任职拒绝支部');
    expect(errorCodes(await appoint(organization, member, 'SECRETARY', '2018-12-31'))).toEqual(['BEFORE_REGISTRATION']);
    expect(errorCodes(await appoint(organization, member, 'SECRETARY', '2017-01-01'))).toEqual(['BAD_USER_INPUT']);
    const post = await fixture.call('organizations', APPOINT, {
      org: organization,
      member,
      role: 'COMMITTEE_MEMBER',
      on: '2019-02-01',
    });
    expect(errorCodes(await appoint(organization, member, 'SECRETARY', '2019-03-01'))).toEqual(['ROLE_ALREADY_HELD']);

    const id = post.appointOrganizationRole.id;
    expect(errorCodes(await fixture.send('organizations', END, { id, on: '2019-01-31' }))).toEqual(['BAD_USER_INPUT']);
    await fixture.call('organizations', END, { id, on: '2019-06-01' });
    expect(errorCodes(await fixture.send('organizations', END, { id, on: '2019-07-01' }))).toEqual(['ROLE_ENDED']);
    expect(errorCodes(await fixture.send('organizations', END, { id: other, on: '2019-07-01' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      await fixture.owner(
        `select role, from_date::text, to_date::text from organization_role where organization_id = $1`,
        [organization],
      ),
    ).toEqual([{ role: 'COMMITTEE_MEMBER', from_date: '2019-02-01', to_date: '2019-06-01' }]);
  });
});
