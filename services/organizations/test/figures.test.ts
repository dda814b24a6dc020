/**
 * Organization figures of a region (组织覆盖率, 单独组建率, 工作覆盖率, counts by level, formation and
 * worker kind) over each denominator officials use, equal to a hand count of a small township, and
 * rolled up unchanged to its county.
 */
import { describe, expect, it } from 'vitest';
import { organizationsFixture } from './organizations-fixture.js';

const fixture = organizationsFixture();

const TOWNSHIP = '330106109';
const rate = `{ numerator denominator }`;
const FIGURES = (denominator: string) =>
  `${denominator}: organizationFigures(asOf: "2021-06-30", denominator: ${denominator}) {
    organizations byLevel { level count } byFormation { formation count } workers { kind count }
    coverage { organizationCoverage ${rate} standaloneRate ${rate} workCoverage ${rate} }
    coverageByKind { kind organizationCoverage ${rate} } }`;

describe('organization figures', () => {
  it('equal a hand count on each denominator, in the township and the county above it', async () => {
    const place = { township: TOWNSHIP };
    const [large, capable, shop, lone] = await Promise.all([
      fixture.entityWithMembers('2019-01-01', 3, { ...place, employees: 60 }),
      fixture.entityWithMembers('2019-01-01', 3, place),
      fixture.entityWithMembers('2019-01-01', 1, { ...place, kind: 'INDIVIDUAL_BUSINESS', employees: 2 }),
      fixture.entityWithMembers('2019-01-01', 0, place),
    ]);
    // large: its own branch; capable and shop: a joint branch; lone: an instructor only.
    await fixture.formOrganization('图表公司党支部', {
      regionCode: TOWNSHIP,
      formation: 'STANDALONE',
      hostKind: 'MARKET_ENTITY',
      hostId: large.entity,
      hostName: null,
      establishedOn: '2020-01-01',
    });
    const joint = await fixture.formOrganization('图表联合支部', { regionCode: TOWNSHIP, level: 'GENERAL_BRANCH' });
    await fixture.call(
      'organizations',
      `mutation($org: ID!, $ids: [ID!]!) { coverMarketEntities(organizationId: $org, entityIds: $ids, fromDate: "2020-01-01") { id } }`,
      { org: joint, ids: [capable.entity, shop.entity] },
    );
    const { appointPartyWorker } = await fixture.call(
      'organizations',
      `mutation { appointPartyWorker(input: { name: "赵指导", kind: INSTRUCTOR, regionCode: "${TOWNSHIP}", servingFrom: "2019-01-01" }) { id } }`,
    );
    await fixture.call(
      'organizations',
      `mutation($worker: ID!, $target: ID!) { assignPartyWorker(workerId: $worker, targetKind: MARKET_ENTITY, targetId: $target, fromDate: "2020-01-01") { id } }`,
      { worker: appointPartyWorker.id, target: lone.entity },
    );

    const selection = ['OPERATING', 'ENTERPRISES', 'STANDALONE_CAPABLE', 'LARGE_STAFF'].map(FIGURES).join(' ');
    const [township, county] = await fixture.entities('Region', [TOWNSHIP, '330106'], selection);
    expect(township.OPERATING.organizations).toBe(2);
    // Every level and formation is listed, the empty ones with 0.
    expect(township.OPERATING.byLevel).toEqual([
      { level: 'COMMITTEE', count: 0 },
      { level: 'GENERAL_BRANCH', count: 1 },
      { level: 'BRANCH', count: 1 },
    ]);
    expect(township.OPERATING.byFormation.filter((row: { count: number }) => row.count > 0)).toEqual([
      { formation: 'STANDALONE', count: 1 },
      { formation: 'JOINT', count: 1 },
    ]);
    expect(township.OPERATING.byFormation).toHaveLength(6);
    expect(township.OPERATING.workers).toContainEqual({ kind: 'INSTRUCTOR', count: 1 });
    // Over 4 operating entities: 3 in an organization, 1 standalone; work coverage adds the instructor's entity.
    expect(township.OPERATING.coverage).toEqual({
      organizationCoverage: { numerator: 3, denominator: 4 },
      standaloneRate: { numerator: 1, denominator: 4 },
      workCoverage: { numerator: 4, denominator: 4 },
    });
    expect(township.ENTERPRISES.coverage.organizationCoverage).toEqual({ numerator: 2, denominator: 3 });
    expect(township.STANDALONE_CAPABLE.coverage.organizationCoverage).toEqual({ numerator: 2, denominator: 2 });
    expect(township.STANDALONE_CAPABLE.coverage.standaloneRate).toEqual({ numerator: 1, denominator: 2 });
    expect(township.LARGE_STAFF.coverage.organizationCoverage).toEqual({ numerator: 1, denominator: 1 });
    expect(township.OPERATING.coverageByKind).toContainEqual({
      kind: 'INDIVIDUAL_BUSINESS',
      organizationCoverage: { numerator: 1, denominator: 1 },
    });
    // Nothing else lies in the county in this file's database: its figures are the township's.
    expect(county).toEqual(township);
  });
});
