import { describe, expect, it } from 'vitest';
import { subgraphRoles } from '@xgz/kit';
import { describeRegionScopedContract, resolveEntities, tokenFor, withConnection, type SqlClient } from '@xgz/testkit';
import { organizationsSubgraph } from '../src/server.js';

const insertOrganization = (client: SqlClient, row: { id: string; regionCode: string }, dates: { established: string; dissolved: string | null }) =>
  client.query('insert into party_organization (id, name, level, region_code, established_on, dissolved_on) values ($1, $2, $3, $4, $5, $6)', [
    row.id,
    `党支部 ${row.regionCode}`,
    'BRANCH',
    row.regionCode,
    dates.established,
    dates.dissolved,
  ]);

const contract = describeRegionScopedContract({
  definition: organizationsSubgraph,
  entityType: 'PartyOrganization',
  rootField: 'partyOrganization',
  countField: 'partyOrganizationCount',
  insert: (client, row) => insertOrganization(client, row, { established: '2015-04-01', dissolved: null }).then(() => {}),
});

describe('organization count', () => {
  it('leaves out dissolved organizations and ones not yet established', async () => {
    const harness = contract.harness();
    const owner = subgraphRoles(harness.database.adminUrl, 'organizations', harness.env.DB_ROLE_PASSWORD).ownerUrl;
    await withConnection(owner, async (client) => {
      await insertOrganization(client, { id: crypto.randomUUID(), regionCode: '330110001' }, { established: '2016-01-01', dissolved: '2018-06-30' });
      await insertOrganization(client, { id: crypto.randomUUID(), regionCode: '330110001' }, { established: '2099-01-01', dissolved: null });
      await insertOrganization(client, { id: crypto.randomUUID(), regionCode: '330110002' }, { established: '2016-01-01', dissolved: null });
    });
    const response = await resolveEntities(harness.subgraphs.organizations!.url, await tokenFor(harness.env, '3301'), [{ __typename: 'Region', code: '330110' }], '... on Region { partyOrganizationCount }');
    expect(response.data._entities[0].partyOrganizationCount).toBe(1);
  });
});
