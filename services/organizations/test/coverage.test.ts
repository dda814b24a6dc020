/**
 * Coverage (覆盖): an organization covers market entities from a date and stops covering them; the
 * links show on the entity and the organization, the township's coverage figure follows them, and
 * every refused call (outside the region, before registration, twice, too many, not covered, ended
 * before it began) is coded and writes no link.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const COVER = `mutation($org: ID!, $ids: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $org, entityIds: $ids, fromDate: $on) { id } }`;
const END = `mutation($org: ID!, $id: ID!, $on: LocalDate!) { endCoverage(organizationId: $org, entityId: $id, endedOn: $on) { id } }`;
const LINKS = `coveringOrganizations { organizationId fromDate toDate }`;

const links = async (entity: string) =>
  (await fixture.entities('MarketEntity', [entity], LINKS))[0].coveringOrganizations;
const linkRows = async (organization: string) =>
  fixture.owner(`select entity_id from coverage_link where organization_id = $1`, [organization]);

const coveredIn = async (township: string, asOf: string) =>
  (
    await fixture.entities(
      'Region',
      [township],
      `organizationFigures(asOf: "${asOf}") { coverage { organizationCoverage { numerator denominator } } }`,
    )
  )[0].organizationFigures.coverage.organizationCoverage;

describe('covering market entities', () => {
  it('links them from a date, shows the links on both sides and moves the figure from that date', async () => {
    const township = '330106013';
    const [first, second] = await Promise.all([
      fixture.entityWithMembers('2019-01-01', 1, { township }),
      fixture.entityWithMembers('2019-01-01', 0, { township }),
    ]);
    const organization = await fixture.formOrganization('覆盖联合支部', { regionCode: township });
    await fixture.call('organizations', COVER, {
      org: organization,
      ids: [first.entity, second.entity],
      on: '2020-03-01',
    });
    expect(await links(first.entity)).toEqual([{ organizationId: organization, fromDate: '2020-03-01', toDate: null }]);
    const { partyOrganization } = await fixture.call(
      'organizations',
      `query($id: ID!) { partyOrganization(id: $id) { coverage(first: 10) { totalCount } } }`,
      { id: organization },
    );
    expect(partyOrganization.coverage.totalCount).toBe(2);
    expect(await coveredIn(township, '2020-02-29')).toEqual({ numerator: 0, denominator: 2 });
    expect(await coveredIn(township, '2020-03-01')).toEqual({ numerator: 2, denominator: 2 });

    // Ended later, the link stays with its end; the figure drops from the end date.
    await fixture.call('organizations', END, { org: organization, id: second.entity, on: '2021-01-01' });
    expect(await links(second.entity)).toEqual([
      { organizationId: organization, fromDate: '2020-03-01', toDate: '2021-01-01' },
    ]);
    expect(await coveredIn(township, '2020-12-31')).toEqual({ numerator: 2, denominator: 2 });
    expect(await coveredIn(township, '2021-01-01')).toEqual({ numerator: 1, denominator: 2 });

    // Covered again and ended on its first day, the new link is withdrawn: it held on no day.
    await fixture.call('organizations', COVER, { org: organization, ids: [second.entity], on: '2022-05-01' });
    await fixture.call('organizations', END, { org: organization, id: second.entity, on: '2022-05-01' });
    expect(await links(second.entity)).toHaveLength(1);
    expect(await coveredIn(township, '2022-05-01')).toEqual({ numerator: 1, denominator: 2 });
  });
});

describe('refused coverage', () => {
  it('is coded and writes no link, not even for the good entities of the same call', async () => {
    const [inside, outside, late] = await Promise.all([
      fixture.entityWithMembers('2019-01-01', 0),
      fixture.entityWithMembers('2019-01-01', 0, { township: '330106012' }),
      fixture.entityWithMembers('2021-06-01', 0),
    ]);
    const organization = await fixture.formOrganization('拒绝覆盖支部');
    const cover = (ids: string[], on = '2020-01-01') =>
      fixture.send('organizations', COVER, { org: organization, ids, on });

    expect(errorCodes(await cover([inside.entity, outside.entity]))).toEqual(['ENTITY_OUTSIDE_ORGANIZATION_REGION']);
    expect(errorCodes(await cover([inside.entity, late.entity]))).toEqual(['BEFORE_REGISTRATION']);
    expect(errorCodes(await cover([]))).toEqual(['BAD_USER_INPUT']);
    const tooMany = Array.from(
      { length: 101 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    expect(errorCodes(await cover(tooMany))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await cover(['not-an-id']))).toEqual(['BAD_USER_INPUT']);
    // Before the organization was formed (2018-01-01), or in a gap of its life, it covers nothing.
    expect(errorCodes(await cover([inside.entity], '2017-12-31'))).toEqual(['BAD_USER_INPUT']);
    await fixture.call(
      'organizations',
      `mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2019-06-01") { id } }`,
      { id: organization },
    );
    await fixture.call(
      'organizations',
      `mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2019-09-01") { id } }`,
      { id: organization },
    );
    expect(errorCodes(await cover([inside.entity], '2019-07-01'))).toEqual(['ORGANIZATION_NOT_ALIVE_ON_DATE']);
    expect(await linkRows(organization)).toEqual([]);

    await fixture.call('organizations', COVER, { org: organization, ids: [inside.entity], on: '2020-01-01' });
    expect(errorCodes(await cover([inside.entity], '2020-06-01'))).toEqual(['ALREADY_COVERED']);
    const end = (id: string, on: string) => fixture.send('organizations', END, { org: organization, id, on });
    expect(errorCodes(await end(late.entity, '2022-01-01'))).toEqual(['NOT_COVERED']);
    expect(errorCodes(await end(inside.entity, '2019-12-31'))).toEqual(['BAD_USER_INPUT']);
    expect(await linkRows(organization)).toEqual([{ entity_id: inside.entity }]);
    expect(await links(inside.entity)).toEqual([
      { organizationId: organization, fromDate: '2020-01-01', toDate: null },
    ]);
  });
});
