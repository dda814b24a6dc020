/**
 * Terms of office (任期, 换届选举): an election starts a term of the level's years (branch 3,
 * committee 5 by default); from its end the organization is overdue until the next election. The
 * term answers as of any date, the reminder list finds due and overdue organizations, and an election
 * recorded twice on a day is refused.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, today } from '@xgz/kit';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const ELECT = `mutation($id: ID!, $on: LocalDate!) { recordElection(organizationId: $id, electedOn: $on) { id } }`;

const termOf = async (organization: string, asOf: string) =>
  (
    await fixture.call(
      'organizations',
      `query($id: ID!, $asOf: LocalDate) { partyOrganization(id: $id) { term(asOf: $asOf) { electedOn years endsOn overdue } } }`,
      { id: organization, asOf },
    )
  ).partyOrganization.term;

const listed = async (township: string, status: 'DUE' | 'OVERDUE') =>
  (
    await fixture.call(
      'organizations',
      `query($region: String, $status: TermStatus!) { organizationTerms(regionCode: $region, status: $status, withinMonths: 6) { edges { node { name } } } }`,
      { region: township, status },
    )
  ).organizationTerms.edges.map((edge: any) => edge.node.name);

describe('terms of office', () => {
  it('run the level’s years from each election; overdue from the end until the next election', async () => {
    const branch = await fixture.formOrganization('任期支部', { establishedOn: '2015-01-01', electedOn: '2015-01-01' });
    const committee = await fixture.formOrganization('任期党委', {
      level: 'COMMITTEE',
      establishedOn: '2015-01-01',
      electedOn: '2015-01-01',
    });
    expect(await termOf(branch, '2014-12-31')).toBeNull();
    expect(await termOf(branch, '2017-12-31')).toEqual({
      electedOn: '2015-01-01',
      years: 3,
      endsOn: '2018-01-01',
      overdue: false,
    });
    expect((await termOf(branch, '2018-01-01')).overdue).toBe(true);
    expect(await termOf(committee, '2019-12-31')).toMatchObject({ years: 5, endsOn: '2020-01-01', overdue: false });

    await fixture.call('organizations', ELECT, { id: branch, on: '2018-06-01' });
    // The gap stays on record: overdue as of a date between the end and the election, not after.
    expect((await termOf(branch, '2018-05-31')).overdue).toBe(true);
    expect(await termOf(branch, '2018-06-01')).toEqual({
      electedOn: '2018-06-01',
      years: 3,
      endsOn: '2021-06-01',
      overdue: false,
    });
    expect(errorCodes(await fixture.send('organizations', ELECT, { id: branch, on: '2018-06-01' }))).toEqual([
      'ELECTION_ALREADY_RECORDED',
    ]);
    expect(errorCodes(await fixture.send('organizations', ELECT, { id: branch, on: '2014-06-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      await fixture.owner(`select elected_on::text from organization_election where organization_id = $1 order by 1`, [
        branch,
      ]),
    ).toEqual([{ elected_on: '2015-01-01' }, { elected_on: '2018-06-01' }]);
  });

  it('are listed as due within months of their end, and as overdue after it', async () => {
    const township = '330106013';
    const dueSoon = addMonths(today(), 2 - 36);
    await fixture.formOrganization('将到期支部', { regionCode: township, establishedOn: dueSoon, electedOn: dueSoon });
    const overdueSince = addMonths(today(), -40);
    await fixture.formOrganization('已逾期支部', {
      regionCode: township,
      establishedOn: overdueSince,
      electedOn: overdueSince,
    });
    const fresh = addMonths(today(), -1);
    await fixture.formOrganization('新换届支部', { regionCode: township, establishedOn: fresh, electedOn: fresh });
    expect(await listed(township, 'DUE')).toEqual(['将到期支部']);
    expect(await listed(township, 'OVERDUE')).toEqual(['已逾期支部']);
  });
});
