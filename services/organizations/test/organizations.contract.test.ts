import { describe, expect, it } from 'vitest';
import { addDays, statementCount, today } from '@xgz/kit';
import { errorCodes, describeRegionScopedContract, executeGraphQL, resolveEntities, tokenFor } from '@xgz/testkit';
import { organizationsSubgraph } from '../src/server.js';

const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } warnings } }`;
const DISSOLVE = `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id dissolvedOn } }`;

let formed = 0;

/** Forms an association-hosted joint branch (each of its own name) through the subgraph's own mutation; returns its id. */
async function formBranch(
  via: { url: string; token: string },
  regionCode: string,
  establishedOn = '2015-04-01',
): Promise<string> {
  const response = await executeGraphQL(via.url, FORM, {
    token: via.token,
    variables: {
      input: {
        name: `党支部 ${regionCode} 第${++formed}`,
        level: 'BRANCH',
        formation: 'JOINT',
        regionCode,
        hostKind: 'ASSOCIATION',
        hostName: '个私协会分会',
        establishedOn,
      },
    },
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
    const response = await executeGraphQL(url, DISSOLVE, {
      token: via.token,
      variables: { id: dissolved, on: '2018-06-30' },
    });
    expect(response.errors).toBeUndefined();
    await formBranch(via, '330110002', '2016-01-01');
    const count = (token: string) =>
      resolveEntities(
        url,
        token,
        [{ __typename: 'Region', code: '330110' }],
        '... on Region { partyOrganizationCount }',
      );
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
      (
        await resolveEntities(
          url,
          token,
          [{ __typename: 'Region', code: '330110003' }],
          '... on Region { partyOrganizationCount }',
        )
      ).data._entities[0].partyOrganizationCount;
    expect(await count()).toBe(1);
    expect(
      (await executeGraphQL(url, DISSOLVE, { token, variables: { id, on: '2017-01-01' } })).errors,
    ).toBeUndefined();
    const again = await executeGraphQL(url, DISSOLVE, { token, variables: { id, on: '2018-01-01' } });
    expect(errorCodes(again)).toEqual(['ORGANIZATION_DISSOLVED']);
    const after = await executeGraphQL(url, `query($id: ID!) { partyOrganization(id: $id) { dissolvedOn } }`, {
      token,
      variables: { id },
    });
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

  it('refuse a date after today (figures of the future would be today’s under another date), the list of standalone-capable entities too', async () => {
    const harness = contract.harness();
    const url = harness.subgraphs.organizations!.url;
    const token = await tokenFor(harness.env, '33');
    const tomorrow = addDays(today(), 1);
    const figures = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: '3301' }],
      `... on Region { organizationFigures(asOf: "${tomorrow}") { organizations } }`,
    );
    expect(errorCodes(figures)).toEqual(['BAD_USER_INPUT']);
    expect(figures.errors![0]!.message).toContain('in the future');
    const list = await executeGraphQL(
      url,
      `query($asOf: LocalDate) { standaloneCapableWithoutOrganization(regionCode: "3301", asOf: $asOf) { totalCount } }`,
      {
        token,
        variables: { asOf: tomorrow },
      },
    );
    expect(errorCodes(list)).toEqual(['BAD_USER_INPUT']);
    const todays = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: '3301' }],
      `... on Region { organizationFigures(asOf: "${today()}") { organizations } }`,
    );
    expect(todays.errors).toBeUndefined();
  });
});

describe('organization lists', () => {
  it('cost the same number of statements for 2 and 8 organizations, each with its posts, venue and term', async () => {
    const harness = contract.harness();
    const url = harness.subgraphs.organizations!.url;
    const token = await tokenFor(harness.env, '33');
    for (let i = 0; i < 8; i++) {
      const id = await formBranch({ url, token }, '330108001', '2019-01-01');
      const checked = await executeGraphQL(
        url,
        `mutation($id: ID!) { recordVenueCheck(organizationId: $id, input: { checkedOn: "2020-01-01", place: true, facilities: true, sign: true, flag: true, booksAndPapers: true, rules: ${i % 2 === 0} }) { meetsStandard } }`,
        { token, variables: { id } },
      );
      expect(checked.errors).toBeUndefined();
    }
    const query = `query($first: Int!) { partyOrganizations(regionCode: "330108001", first: $first) { totalCount edges { node {
      id secretary { memberId } committee(asOf: "2020-06-30") { role } venue { meetsStandard } term { endsOn overdue } } } } }`;
    // The feed consumer polls in the background: the least of three tries is the list's own cost.
    const cost = async (first: number) => {
      const tries: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const before = statementCount();
        const response = await executeGraphQL(url, query, { token, variables: { first } });
        expect(response.errors).toBeUndefined();
        expect(response.data.partyOrganizations.edges).toHaveLength(first);
        // Every organization's own venue check, loaded in the batch (the page is in id order, so any mix of the two kinds).
        expect(
          response.data.partyOrganizations.edges.every(
            (edge: any) => typeof edge.node.venue.meetsStandard === 'boolean',
          ),
        ).toBe(true);
        if (first === 8)
          expect(
            new Set(response.data.partyOrganizations.edges.map((edge: any) => edge.node.venue.meetsStandard)),
          ).toEqual(new Set([true, false]));
        tries.push(statementCount() - before);
      }
      return Math.min(...tries);
    };
    const two = await cost(2);
    const eight = await cost(8);
    // Per page: the organizations and their count, then one batch each for posts (two dates), venue and terms.
    expect(eight).toBe(two);
    const terms = await executeGraphQL(url, query, { token, variables: { first: 8 } });
    expect(
      terms.data.partyOrganizations.edges.every(
        (edge: any) => edge.node.term.endsOn === '2022-01-01' && edge.node.term.overdue,
      ),
    ).toBe(true);
  });
});
