import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles, type SubgraphDefinition } from '@xgz/kit';
import { withConnection, type SqlClient } from './database.js';
import { errorCodes, executeGraphQL, resolveEntities, tokenFor } from './graphql.js';
import { startTestSubgraphs, type SubgraphHarness } from './subgraphs.js';

export interface RegionScopedContract {
  definition: SubgraphDefinition<any>;
  /** Federation entity owned by the subgraph, e.g. Market. */
  entityType: string;
  /** Root field answering one entity by id, e.g. market. */
  rootField: string;
  /** Region field counting the entity in a subtree, e.g. marketCount. */
  countField: string;
  /**
   * Creates one record placed at `regionCode` and returns its id: as the owner role with `client`
   * (RLS does not apply), or through the subgraph's own mutation at `url` with an admin `token`
   * of the province, when its figures must follow (pre-aggregated counts).
   */
  insert(client: SqlClient, row: { regionCode: string }, via: { url: string; token: string }): Promise<string>;
}

const HANGZHOU_XIHU_TOWNSHIP = '330106002';
const HANGZHOU_OTHER_TOWNSHIP = '330102001';
const NINGBO_TOWNSHIP = '330203001';

/**
 * The contract every region-scoped subgraph keeps: its committed SDL, its entity through
 * `_entities` and its root field (null outside the viewer's region), and a Region count that
 * equals the rows in the subtree and is FORBIDDEN outside the viewer's region.
 */
export function describeRegionScopedContract(contract: RegionScopedContract) {
  const name = contract.definition.name;
  const ids = { xihu: '', hangzhou: '', ningbo: '' };
  let harness: SubgraphHarness;
  let url: string;
  let hangzhouToken: string;
  let zhejiangToken: string;

  beforeAll(async () => {
    harness = await startTestSubgraphs([contract.definition]);
    url = harness.subgraphs[name]!.url;
    hangzhouToken = await tokenFor(harness.env, '3301');
    zhejiangToken = await tokenFor(harness.env, '33', ['analyst']);
    const owner = subgraphRoles(harness.database.adminUrl, name, harness.env.DB_ROLE_PASSWORD).ownerUrl;
    const via = { url, token: await tokenFor(harness.env, '33') };
    await withConnection(owner, async (client) => {
      ids.xihu = await contract.insert(client, { regionCode: HANGZHOU_XIHU_TOWNSHIP }, via);
      ids.hangzhou = await contract.insert(client, { regionCode: HANGZHOU_OTHER_TOWNSHIP }, via);
      ids.ningbo = await contract.insert(client, { regionCode: NINGBO_TOWNSHIP }, via);
    });
  });
  afterAll(() => harness?.stop());

  describe(`${name} contract`, () => {
    it(`serves the SDL committed in schema/${name}.graphql`, async () => {
      const response = await executeGraphQL(url, '{ _service { sdl } }', { token: hangzhouToken });
      const committed = await readFile(path.resolve(import.meta.dirname, `../../../schema/${name}.graphql`), 'utf8');
      expect(response.data._service.sdl.trim()).toBe(committed.trim());
    });

    it(`resolves ${contract.entityType} through _entities only inside the viewer's region`, async () => {
      const response = await resolveEntities(
        url,
        hangzhouToken,
        [ids.xihu, ids.ningbo].map((id) => ({ __typename: contract.entityType, id })),
        `... on ${contract.entityType} { id regionCode }`,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([{ id: ids.xihu, regionCode: HANGZHOU_XIHU_TOWNSHIP }, null]);
    });

    it(`answers ${contract.rootField}(id) inside the region, null outside, BAD_USER_INPUT for a malformed id`, async () => {
      const query = `query($id: ID!) { ${contract.rootField}(id: $id) { id } }`;
      const inside = await executeGraphQL(url, query, { token: hangzhouToken, variables: { id: ids.hangzhou } });
      expect(inside.data[contract.rootField]).toEqual({ id: ids.hangzhou });
      const outside = await executeGraphQL(url, query, { token: hangzhouToken, variables: { id: ids.ningbo } });
      expect(outside.data[contract.rootField]).toBeNull();
      const malformed = await executeGraphQL(url, query, { token: hangzhouToken, variables: { id: 'not-an-id' } });
      expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    });

    it(`counts ${contract.countField} over the region subtree`, async () => {
      const selection = `... on Region { code ${contract.countField} }`;
      const regions = ['3301', '330106', HANGZHOU_XIHU_TOWNSHIP].map((code) => ({ __typename: 'Region', code }));
      const hangzhou = await resolveEntities(url, hangzhouToken, regions, selection);
      expect(hangzhou.errors).toBeUndefined();
      expect(hangzhou.data._entities.map((region: Record<string, number>) => region[contract.countField])).toEqual([
        2, 1, 1,
      ]);
      const zhejiang = await resolveEntities(url, zhejiangToken, [{ __typename: 'Region', code: '33' }], selection);
      expect(zhejiang.data._entities[0][contract.countField]).toBe(3);
    });

    it(`answers FORBIDDEN for ${contract.countField} outside the viewer's region`, async () => {
      const response = await resolveEntities(
        url,
        hangzhouToken,
        [{ __typename: 'Region', code: '3302' }],
        `... on Region { ${contract.countField} }`,
      );
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0]!.message).toContain('outside your region 3301');
      expect(response.data._entities[0][contract.countField]).toBeNull();
    });

    it('refuses a request without a token', async () => {
      const response = await executeGraphQL(url, `{ ${contract.rootField}(id: "${ids.xihu}") { id } }`);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });
  });

  return { harness: () => harness, ids };
}
