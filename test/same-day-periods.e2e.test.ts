/**
 * Same-day writes that once left zero-length periods — and hung organizations for every region: a
 * member moved into a second branch on the day of the first, a secretary succeeded on the day of
 * appointment, a standalone branch's own link ended on its first day, coverage ended and re-opened
 * on one day. Organizations and registry run in processes of their own, as under `npm start`, so a
 * request that blocks the service fails this test on its time bound instead of hanging the suite.
 * Each call must be answered within CALL_BOUND_MS, the service must stay alive, nothing of zero
 * length may be stored, and the figures must equal a hand count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles } from '@xgz/kit';
import {
  createTestDatabase,
  executeGraphQL,
  spawnSubgraphs,
  testEnv,
  tokenFor,
  withConnection,
  type SubgraphProcesses,
  type TestDatabase,
} from '@xgz/testkit';
import { withCheckCharacter } from '@xgz/registry';
import { inject } from 'vitest';

const CALL_BOUND_MS = 5_000;
const TOWNSHIP = '330106005';
let database: TestDatabase;
let services: SubgraphProcesses;
let token: string;
let entity: string;
const members: string[] = [];

async function call(subgraph: 'registry' | 'organizations', query: string, variables: Record<string, unknown> = {}) {
  const answer = await executeGraphQL(services.byName[subgraph]!.url, query, {
    token,
    variables,
    timeoutMs: CALL_BOUND_MS,
  });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data;
}

/** The liveness probe answers: the event loop is not blocked. */
async function alive() {
  const health = await fetch(services.byName.organizations!.url.replace('/graphql', '/healthz'), {
    signal: AbortSignal.timeout(1_000),
  });
  expect(health.status).toBe(200);
}

const organizationsOwner = () => subgraphRoles(database.adminUrl, 'organizations', testEnv().DB_ROLE_PASSWORD).ownerUrl;

async function form(name: string, formation: string, establishedOn: string, host?: string): Promise<string> {
  const data = await call(
    'organizations',
    `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
    {
      input: {
        name,
        level: 'BRANCH',
        formation,
        regionCode: TOWNSHIP,
        ...(host ? { hostKind: 'MARKET_ENTITY', hostId: host } : { hostKind: 'ASSOCIATION', hostName: '个私协会分会' }),
        establishedOn,
      },
    },
  );
  return data.formPartyOrganization.organization.id;
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'));
  services = await spawnSubgraphs(['registry', 'organizations'], {
    adminUrl: database.adminUrl,
    env: { FEED_POLL_MS: '50' },
  });
  token = await tokenFor(testEnv(), '33');
  const registered = await call(
    'registry',
    `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
    {
      input: {
        kind: 'SMALL_MICRO_ENTERPRISE',
        name: '同日商贸有限公司',
        creditCode: withCheckCharacter('91330106MA2TQ7001'),
        regionCode: TOWNSHIP,
        registeredOn: '2016-01-04',
        employees: 12,
      },
    },
  );
  entity = registered.registerMarketEntity.id;
  for (let index = 0; index < 4; index++) {
    const data = await call(
      'registry',
      `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
      {
        input: {
          entityId: entity,
          name: `同日党员${index}`,
          isOwner: index === 0,
          category: 'FORMAL',
          distribution: 'SMALL_MICRO_ENTERPRISE',
          relationshipType: 'AFFILIATED',
          foundVia: 'PHONE',
          registeredOn: '2016-02-01',
        },
      },
    );
    members.push(data.registerPartyMember.id);
  }
  // Organizations learns of them through the fact feed: the entity shows on its standalone-capable list.
  for (let waited = 0; ; waited += 100) {
    const list = await executeGraphQL(
      services.byName.organizations!.url,
      `{ standaloneCapableWithoutOrganization(regionCode: "${TOWNSHIP}") { totalCount } }`,
      { token },
    );
    if (list.data?.standaloneCapableWithoutOrganization.totalCount === 1) break;
    if (waited > 20_000)
      throw new Error(`the feed did not deliver the entity: ${list.raw}\n${services.byName.organizations!.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await database?.drop();
});

describe('same-day writes', () => {
  it('a member moved into a second branch on the day of the first: one membership, answered in time, the service alive', async () => {
    const first = await form('同日甲支部', 'JOINT', '2018-01-01');
    const second = await form('同日乙支部', 'JOINT', '2018-01-01');
    const join = `mutation($m: ID!, $o: ID!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: "2020-01-10") { organizationId fromDate toDate } }`;
    await call('organizations', join, { m: members[0], o: first });
    const moved = await call('organizations', join, { m: members[0], o: second });
    expect(moved.joinOrganizationLife).toEqual({ organizationId: second, fromDate: '2020-01-10', toDate: null });
    await alive();
    // The first membership held on no day: it is withdrawn, not kept as [D, D).
    const history = await call(
      'organizations',
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on PartyMember { organizationHistory { organizationId fromDate toDate } } } }`,
      {
        reps: [{ __typename: 'PartyMember', id: members[0] }],
      },
    );
    expect(history._entities[0].organizationHistory).toEqual([
      { organizationId: second, fromDate: '2020-01-10', toDate: null },
    ]);
    // Every figure that reads the member's life is answered, for any region.
    const figures = await call(
      'organizations',
      `{ _entities(representations: [{ __typename: "Region", code: "33" }, { __typename: "Region", code: "${TOWNSHIP}" }]) {
      ... on Region { organizationFigures(asOf: "2020-08-01") { membersOutOfLife { numerator denominator } } } } }`,
    );
    for (const region of figures._entities)
      expect(region.organizationFigures.membersOutOfLife).toEqual({ numerator: 1, denominator: 1 });
    // Leaving on the day of the move withdraws that membership too: the member belongs to none.
    await call(
      'organizations',
      `mutation($m: ID!) { leaveOrganizationLife(memberId: $m, leftOn: "2020-01-10") { toDate } }`,
      { m: members[0] },
    );
    const after = await call(
      'organizations',
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on PartyMember { organizationHistory { organizationId } } } }`,
      {
        reps: [{ __typename: 'PartyMember', id: members[0] }],
      },
    );
    expect(after._entities[0].organizationHistory).toEqual([]);
    await alive();
  });

  it('a secretary succeeded on the day of appointment: the successor alone holds the post', async () => {
    const branch = await form('同日丙支部', 'JOINT', '2018-01-01');
    const appoint = `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: SECRETARY, fromDate: "2021-03-01") { id memberId } }`;
    await call('organizations', appoint, { o: branch, m: members[1] });
    await call('organizations', appoint, { o: branch, m: members[2] });
    await alive();
    const read = await call(
      'organizations',
      `query($id: ID!) { partyOrganization(id: $id) { secretary(asOf: "2021-03-01") { memberId } committee(asOf: "2021-03-01") { memberId role } } }`,
      { id: branch },
    );
    expect(read.partyOrganization.secretary).toEqual({ memberId: members[2] });
    expect(read.partyOrganization.committee).toEqual([{ memberId: members[2], role: 'SECRETARY' }]);
  });

  it('a standalone branch whose own link ends on its first day, and coverage ended and re-opened on one day, count as a hand count says', async () => {
    const standalone = await form('同日公司党支部', 'STANDALONE', '2019-05-01', entity);
    await call(
      'organizations',
      `mutation($o: ID!, $e: ID!) { endCoverage(organizationId: $o, entityId: $e, endedOn: "2019-05-01") { id } }`,
      { o: standalone, e: entity },
    );
    const joint = await form('同日联合支部', 'JOINT', '2018-01-01');
    await call(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2022-01-01") { id } }`,
      {
        o: joint,
        e: [entity],
      },
    );
    await call(
      'organizations',
      `mutation($o: ID!, $e: ID!) { endCoverage(organizationId: $o, entityId: $e, endedOn: "2022-01-01") { id } }`,
      { o: joint, e: entity },
    );
    await call(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2022-06-01") { id } }`,
      {
        o: joint,
        e: [entity],
      },
    );
    await call(
      'organizations',
      `mutation($o: ID!, $e: ID!) { endCoverage(organizationId: $o, entityId: $e, endedOn: "2023-01-01") { id } }`,
      { o: joint, e: entity },
    );
    await call(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2023-01-01") { id } }`,
      {
        o: joint,
        e: [entity],
      },
    );
    await alive();
    const coverage = async (asOf: string) =>
      (
        await call(
          'organizations',
          `{ _entities(representations: [{ __typename: "Region", code: "${TOWNSHIP}" }]) {
          ... on Region { organizationFigures(asOf: "${asOf}") { coverage { organizationCoverage { numerator denominator } standaloneRate { numerator } } } } } }`,
        )
      )._entities[0].organizationFigures.coverage;
    // Hand count: one operating entity; its own branch never covered it for a day; the joint one did from 2022-06-01 on, unbroken over 2023-01-01.
    expect(await coverage('2019-05-01')).toEqual({
      organizationCoverage: { numerator: 0, denominator: 1 },
      standaloneRate: { numerator: 0 },
    });
    expect(await coverage('2022-01-01')).toEqual({
      organizationCoverage: { numerator: 0, denominator: 1 },
      standaloneRate: { numerator: 0 },
    });
    for (const asOf of ['2022-06-01', '2022-12-31', '2023-01-01', '2024-01-01']) {
      expect(await coverage(asOf)).toEqual({
        organizationCoverage: { numerator: 1, denominator: 1 },
        standaloneRate: { numerator: 0 },
      });
    }
    const stored = await withConnection(organizationsOwner(), (client) =>
      client.query(
        `select to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from coverage_link where entity_id = $1 order by from_date`,
        [entity],
      ),
    );
    expect(stored.rows).toEqual([
      { from: '2022-06-01', to: '2023-01-01' },
      { from: '2023-01-01', to: null },
    ]);
  });

  it('stores no period of zero length in any dated table, and the database refuses one', async () => {
    await withConnection(organizationsOwner(), async (client) => {
      for (const table of ['coverage_link', 'life_membership', 'organization_role', 'worker_assignment']) {
        expect(
          (await client.query(`select count(*)::int as n from ${table} where to_date <= from_date`)).rows[0].n,
          table,
        ).toBe(0);
      }
      for (const table of ['fact_version', 'fed_fact']) {
        expect(
          (await client.query(`select count(*)::int as n from ${table} where valid_to <= valid_from`)).rows[0].n,
          table,
        ).toBe(0);
      }
      await expect(client.query(`update coverage_link set to_date = from_date`)).rejects.toThrow(
        /coverage_link_period_check/,
      );
    });
  });
});
