/**
 * Market entities as organizations sees them: the "six 100%" work list of operating entities able to
 * form their own branch (≥ 3 formal members, 具备单独组建条件) that have none, with how each is reached
 * on the date — off the list from the day its own organization is formed.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const TOWNSHIP = '330106013';
const LIST = `query($asOf: LocalDate, $region: String) { standaloneCapableWithoutOrganization(asOf: $asOf, regionCode: $region, first: 50) { totalCount edges { node { entity { id } coverage } } } }`;

const listed = async (asOf: string) =>
  Object.fromEntries(
    (
      await fixture.call('organizations', LIST, { asOf, region: TOWNSHIP })
    ).standaloneCapableWithoutOrganization.edges.map((edge: any) => [edge.node.entity.id, edge.node.coverage]),
  );

describe('entities able to stand alone without their own organization', () => {
  it('are listed with how they are reached, and leave the list when their own branch is formed', async () => {
    const [alone, joined, own, small] = await Promise.all([
      fixture.entityWithMembers('2019-01-01', 3, { township: TOWNSHIP }),
      fixture.entityWithMembers('2019-01-01', 3, { township: TOWNSHIP }),
      fixture.entityWithMembers('2019-01-01', 3, { township: TOWNSHIP }),
      fixture.entityWithMembers('2019-01-01', 2, { township: TOWNSHIP }),
    ]);
    const joint = await fixture.formOrganization('能力联合支部', { regionCode: TOWNSHIP });
    await fixture.call(
      'organizations',
      `mutation($org: ID!, $ids: [ID!]!) { coverMarketEntities(organizationId: $org, entityIds: $ids, fromDate: "2020-01-01") { id } }`,
      { org: joint, ids: [joined.entity, small.entity] },
    );
    await fixture.formOrganization('能力公司党支部', {
      regionCode: TOWNSHIP,
      formation: 'STANDALONE',
      hostKind: 'MARKET_ENTITY',
      hostId: own.entity,
      hostName: null,
      establishedOn: '2021-01-01',
    });

    expect(await listed('2019-06-01')).toEqual({
      [alone.entity]: 'NONE',
      [joined.entity]: 'NONE',
      [own.entity]: 'NONE',
    });
    expect(await listed('2020-01-01')).toEqual({
      [alone.entity]: 'NONE',
      [joined.entity]: 'JOINT',
      [own.entity]: 'NONE',
    });
    expect(await listed('2021-01-01')).toEqual({ [alone.entity]: 'NONE', [joined.entity]: 'JOINT' });
    const figures = await fixture.entities(
      'Region',
      [TOWNSHIP],
      `d2020: organizationFigures(asOf: "2020-06-30") { standaloneCapableWithoutOwn } d2021: organizationFigures(asOf: "2021-06-30") { standaloneCapableWithoutOwn }`,
    );
    expect(figures[0]).toEqual({
      d2020: { standaloneCapableWithoutOwn: 3 },
      d2021: { standaloneCapableWithoutOwn: 2 },
    });
  });

  it('are not listed outside the token region, nor for a future date', async () => {
    const outside = await fixture.send('organizations', LIST, { region: '4403' });
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await fixture.send('organizations', LIST, { asOf: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
  });
});
