import { describe, expect, it } from 'vitest';
import { errorCodes, describeRegionScopedContract, executeGraphQL, resolveEntities, tokenFor } from '@xgz/testkit';
import { organizationsSubgraph } from '../src/server.js';

const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } warnings } }`;
const DISSOLVE = `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id dissolvedOn } }`;

/** Forms an association-hosted joint branch through the subgraph's own mutation; returns its id. */
async function formBranch(via: { url: string; token: string }, regionCode: string, establishedOn = '2015-04-01'): Promise<string> {
  const response = await executeGraphQL(via.url, FORM, {
    token: via.token,
    variables: { input: { name: `党支部 ${regionCode}`, level: 'BRANCH', formation: 'JOINT', regionCode, hostKind: 'ASSOCIATION', hostName: '个私协会分会', establishedOn } },
  });
  expect(response.errors).toBeUndefined();
  return response.data.formPartyOrganization.organization.id;
}

const contract = describeRegionScopedContract({
  definition: organizationsSubgraph,
  entityType: 'PartyOrganization',
  rootField: 'partyOrganization',
  countField: 'partyOrganizationCount',
  insert: (_client, row, via) => formBranch(via, row.regionCode),
});

describe('organization count', () => {
  it('leaves out dissolved organizations: the count follows the dated history', async () => {
    const harness = contract.harness();
    const url = harness.subgraphs.organizations!.url;
    const via = { url, token: await tokenFor(harness.env, '33') };
    const dissolved = await formBranch(via, '330110001', '2016-01-01');
    const response = await executeGraphQL(url, DISSOLVE, { token: via.token, variables: { id: dissolved, on: '2018-06-30' } });
    expect(response.errors).toBeUndefined();
    await formBranch(via, '330110002', '2016-01-01');
    const count = (token: string) => resolveEntities(url, token, [{ __typename: 'Region', code: '330110' }], '... on Region { partyOrganizationCount }');
    expect((await count(await tokenFor(harness.env, '3301'))).data._entities[0].partyOrganizationCount).toBe(1);
  });

  it('refuses a second dissolution and a future date, changing nothing', async () => {
    const harness = contract.harness();
    const url = harness.subgraphs.organizations!.url;
    const token = await tokenFor(harness.env, '33');
    const id = await formBranch({ url, token }, '330110003', '2016-01-01');
    const future = await executeGraphQL(url, DISSOLVE, { token, variables: { id, on: '2999-01-01' } });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const count = async () =>
      (await resolveEntities(url, token, [{ __typename: 'Region', code: '330110003' }], '... on Region { partyOrganizationCount }')).data._entities[0].partyOrganizationCount;
    expect(await count()).toBe(1);
    expect((await executeGraphQL(url, DISSOLVE, { token, variables: { id, on: '2017-01-01' } })).errors).toBeUndefined();
    const again = await executeGraphQL(url, DISSOLVE, { token, variables: { id, on: '2018-01-01' } });
    expect(errorCodes(again)).toEqual(['ORGANIZATION_DISSOLVED']);
    const after = await executeGraphQL(url, `query($id: ID!) { partyOrganization(id: $id) { dissolvedOn } }`, { token, variables: { id } });
    expect(after.data.partyOrganization.dissolvedOn).toBe('2017-01-01');
  });
});

describe('organization figures', () => {
  it('are kept down to township level: a village code is refused, not answered with zeros', async () => {
    const harness = contract.harness();
    const response = await resolveEntities(
      harness.subgraphs.organizations!.url,
      await tokenFor(harness.env, '33'),
      [{ __typename: 'Region', code: '330106001001' }],
      '... on Region { organizationFigures { organizations } }',
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('township');
  });
});
