/**
 * Organizations' part of `Region`: the count of living organizations, the regions under one ranked by
 * an organization figure (ties share a rank, regions without a denominator last), and a figure's
 * change between two dates — each equal to a hand count of what this file formed.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes, resolveEntities, tokenFor } from '@xgz/testkit';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const formIn = (township: string, name: string, establishedOn: string) =>
  fixture.formOrganization(name, { regionCode: township, establishedOn });

describe('organizations by region', () => {
  it('counts, ranks the townships of a county and measures a change between dates', async () => {
    await formIn('330106002', '北山一支部', '2019-01-01');
    await formIn('330106002', '北山二支部', '2021-01-01');
    await formIn('330106004', '西溪支部', '2019-06-01');
    await formIn('330106005', '翠苑支部', '2019-06-01');

    const [county] = await fixture.entities(
      'Region',
      ['330106'],
      `partyOrganizationCount
       live: organizationRanking(by: ORGANIZATIONS) { region { code } rank value }
       past: organizationRanking(by: ORGANIZATIONS, asOf: "2020-06-30", order: ASC) { region { code } rank value }
       change: organizationFigureChange(figure: ORGANIZATIONS, from: "2020-06-30", to: "2021-06-30") { fromValue toValue absolute relative }`,
    );
    expect(county.partyOrganizationCount).toBe(4);
    // Every township of 西湖区 is ranked; those without organizations share the last rank with 0.
    expect(county.live.slice(0, 3)).toEqual([
      { region: { code: '330106002' }, rank: 1, value: 2 },
      { region: { code: '330106004' }, rank: 2, value: 1 },
      { region: { code: '330106005' }, rank: 2, value: 1 },
    ]);
    expect(
      county.live.slice(3).every((row: { rank: number; value: number }) => row.rank === 4 && row.value === 0),
    ).toBe(true);
    expect(county.past.filter((row: { value: number }) => row.value > 0)).toEqual([
      { region: { code: '330106002' }, rank: county.past.length - 2, value: 1 },
      { region: { code: '330106004' }, rank: county.past.length - 2, value: 1 },
      { region: { code: '330106005' }, rank: county.past.length - 2, value: 1 },
    ]);
    expect(county.change).toEqual({ fromValue: 3, toValue: 4, absolute: 1, relative: 1 / 3 });
  });

  it('refuses rankings and changes outside the token region, and a change whose dates run backwards', async () => {
    const { harness } = fixture;
    const token = await tokenFor(harness().env, '3301', ['official']);
    const url = harness().subgraphs.organizations!.url;
    const outside = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: '33' }],
      `... on Region { organizationRanking(by: ORGANIZATIONS) { rank } }`,
    );
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    const backwards = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: '330106' }],
      `... on Region { organizationFigureChange(figure: ORGANIZATIONS, from: "2021-01-01", to: "2020-01-01") { absolute } }`,
    );
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
  });
});
