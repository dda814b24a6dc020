/**
 * Out-of-region users never see an organization, a meeting, a member's organization life or a
 * figure of another region — generated: every reading query and every write that names a record of
 * region B, asked by viewers of every level outside B (and each role), through the real gateway and
 * at the organizations subgraph directly. No answer may carry a B id or name; refusals are coded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  leaks,
  probeOutOfRegion,
  resolveEntities,
  startTestSubgraphs,
  tokenFor,
  type SubgraphHarness,
} from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

const HOME = '330106002';
let away: string;
let harness: SubgraphHarness;
let gateway: RunningServer;
let admin: string;

/** Records of one region, and the words that must never appear in another region's answers. */
interface Placed {
  entity: string;
  member: string;
  organization: string;
  meeting: string;
  role: string;
  secrets: string[];
}
let home: Placed;
let other: Placed;

async function gql(query: string, variables: Record<string, unknown> = {}, token = admin) {
  const response = await executeGraphQL(gateway.url, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

/** Registers an entity and a member in `township`, then forms a branch there with a secretary, a member and a held meeting. */
async function place(township: string, tag: string): Promise<Placed> {
  const entity = (
    await gql(`mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`, {
      input: { kind: 'INDIVIDUAL_BUSINESS', name: `${tag}商店`, regionCode: township, registeredOn: '2019-01-01' },
    })
  ).registerMarketEntity.id;
  const member = (
    await gql(`mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`, {
      input: {
        entityId: entity,
        name: `${tag}党员`,
        isOwner: true,
        category: 'FORMAL',
        distribution: 'INDIVIDUAL_BUSINESS',
        relationshipType: 'AFFILIATED',
        foundVia: 'PHONE',
        registeredOn: '2019-02-01',
      },
    })
  ).registerPartyMember.id;
  const organization = (
    await gql(
      `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
      {
        input: {
          name: `${tag}联合党支部`,
          level: 'BRANCH',
          formation: 'JOINT',
          regionCode: township,
          hostKind: 'ASSOCIATION',
          hostName: `${tag}协会`,
          establishedOn: '2020-01-01',
        },
      },
    )
  ).formPartyOrganization.organization.id;
  // The member reaches organizations through the feed; retry until it has.
  for (let attempt = 0; ; attempt++) {
    const response = await executeGraphQL(
      gateway.url,
      `mutation($o: ID!, $m: ID!) { joinOrganizationLife(organizationId: $o, memberId: $m, fromDate: "2020-01-01") { id } }`,
      {
        token: admin,
        variables: { o: organization, m: member },
      },
    );
    if (!response.errors) break;
    expect(attempt).toBeLessThan(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await gql(
    `mutation($o: ID!) { coverMarketEntities(organizationId: $o, entityIds: ["${entity}"], fromDate: "2020-01-01") { id } }`,
    { o: organization },
  );
  const role = (
    await gql(
      `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: SECRETARY, fromDate: "2020-01-01") { id } }`,
      {
        o: organization,
        m: member,
      },
    )
  ).appointOrganizationRole.id;
  const meeting = (
    await gql(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, {
      input: {
        organizationId: organization,
        type: 'BRANCH_GENERAL_MEETING',
        topic: `${tag}党员大会`,
        held: { heldOn: '2020-03-01', present: [member], absent: [], decisions: `${tag}决议` },
      },
    })
  ).recordMeeting.id;
  const worker = (
    await gql(`mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`, {
      input: { name: `${tag}指导员`, kind: 'INSTRUCTOR', regionCode: township.slice(0, 6), servingFrom: '2020-01-01' },
    })
  ).appointPartyWorker.id;
  await gql(
    `mutation($w: ID!, $e: ID!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $e, fromDate: "2020-01-01") { id } }`,
    { w: worker, e: entity },
  );
  await gql(
    `mutation($o: ID!) { recordVenueCheck(organizationId: $o, input: { checkedOn: "2020-02-01", place: true, facilities: true, sign: true, flag: true, booksAndPapers: true, rules: true }) { checkedOn } }`,
    {
      o: organization,
    },
  );
  return { entity, member, organization, meeting, role, secrets: [entity, member, organization, meeting, role, tag] };
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph]);
  gateway = await startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: { registry: harness.subgraphs.registry!.url, organizations: harness.subgraphs.organizations!.url },
  });
  admin = await tokenFor(harness.env, '33', ['admin']);
  const ningbo = await gql(`query { region(code: "330203") { children { code } } }`);
  away = ningbo.region.children[0].code;
  home = await place(HOME, '西湖');
  other = await place(away, '海曙');
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

/** Every reading query that names a record or region of `target`. */
const readings = (target: Placed, region: string) => [
  {
    query: `query($id: ID!) { partyOrganization(id: $id) { id name committee { member { id } } members { edges { node { memberId } } } meetings { edges { node { id topic } } } venue { checkedOn } term { electedOn } coverage { edges { node { entityId } } } } }`,
    variables: { id: target.organization },
  },
  {
    query: `query($id: ID!) { meeting(id: $id) { id topic decisions attendance { member { id } } } }`,
    variables: { id: target.meeting },
  },
  {
    query: `query($id: ID!) { partyMember(id: $id) { id organization { id name } organizationHistory { organizationId } } }`,
    variables: { id: target.member },
  },
  {
    query: `query($id: ID!) { marketEntity(id: $id) { id coveringOrganizations { organizationId } assignedWorkers { id name } } }`,
    variables: { id: target.entity },
  },
  {
    query: `query($code: String) { standaloneCapableWithoutOrganization(regionCode: $code) { totalCount edges { node { entity { id } } } } }`,
    variables: { code: region },
  },
  {
    query: `query($code: String) { partyOrganizations(regionCode: $code) { totalCount edges { node { id name } } } }`,
    variables: { code: region },
  },
  {
    query: `query($code: String) { organizationTerms(status: OVERDUE, regionCode: $code) { totalCount edges { node { id } } } }`,
    variables: { code: region },
  },
  {
    query: `query($code: ID!) { region(code: $code) { organizationFigures { organizations meetingSchedule { numerator denominator } membersOutOfLife { numerator denominator } venueStandard { numerator } } } }`,
    variables: { code: region },
  },
  {
    query: `query($code: ID!) { region(code: $code) { organizationFigures(asOf: "2020-06-30") { organizations coverage { organizationCoverage { numerator denominator } } } } }`,
    variables: { code: region },
  },
];

/** Every write that names a record of `target`, from the viewer's own records where one is needed. */
const writings = (target: Placed, own: Placed) => [
  {
    query: `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: COMMITTEE_MEMBER, fromDate: "2021-01-01") { id } }`,
    variables: { o: target.organization, m: own.member },
  },
  {
    query: `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: COMMITTEE_MEMBER, fromDate: "2021-01-01") { id } }`,
    variables: { o: own.organization, m: target.member },
  },
  {
    query: `mutation($r: ID!) { endOrganizationRole(roleId: $r, endedOn: "2021-01-01") { id } }`,
    variables: { r: target.role },
  },
  {
    query: `mutation($o: ID!, $m: ID!) { joinOrganizationLife(organizationId: $o, memberId: $m, fromDate: "2021-01-01") { id } }`,
    variables: { o: own.organization, m: target.member },
  },
  {
    query: `mutation($o: ID!, $m: ID!) { joinOrganizationLife(organizationId: $o, memberId: $m, fromDate: "2021-01-01") { id } }`,
    variables: { o: target.organization, m: own.member },
  },
  {
    query: `mutation($m: ID!) { leaveOrganizationLife(memberId: $m, leftOn: "2021-01-01") { id } }`,
    variables: { m: target.member },
  },
  {
    query: `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
    variables: {
      input: {
        organizationId: own.organization,
        type: 'GROUP_MEETING',
        topic: '会',
        held: { heldOn: '2021-01-01', present: [target.member], absent: [] },
      },
    },
  },
  {
    query: `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
    variables: {
      input: {
        organizationId: target.organization,
        type: 'GROUP_MEETING',
        topic: '会',
        held: { heldOn: '2021-01-01', present: [own.member], absent: [] },
      },
    },
  },
  {
    query: `mutation($id: ID!, $m: ID!) { recordMeetingHeld(meetingId: $id, held: { heldOn: "2021-01-01", present: [$m], absent: [] }) { id } }`,
    variables: { id: target.meeting, m: own.member },
  },
  {
    query: `mutation($o: ID!) { recordVenueCheck(organizationId: $o, input: { checkedOn: "2021-01-01", place: false, facilities: false, sign: false, flag: false, booksAndPapers: false, rules: false }) { checkedOn } }`,
    variables: { o: target.organization },
  },
  {
    query: `mutation($o: ID!) { recordElection(organizationId: $o, electedOn: "2021-01-01") { id } }`,
    variables: { o: target.organization },
  },
  {
    query: `mutation($o: ID!) { dissolvePartyOrganization(id: $o, dissolvedOn: "2021-01-01") { id } }`,
    variables: { o: target.organization },
  },
  {
    query: `mutation($o: ID!, $p: ID) { moveOrganization(id: $o, parentId: $p, movedOn: "2021-01-01") { id } }`,
    variables: { o: own.organization, p: target.organization },
  },
  {
    query: `mutation($o: ID!, $e: ID!) { coverMarketEntities(organizationId: $o, entityIds: [$e], fromDate: "2021-01-01") { id } }`,
    variables: { o: own.organization, e: target.entity },
  },
];

describe('out-of-region users', () => {
  it('never see or change an organization, meeting, membership or figure of another region (generated)', async () => {
    // Viewers of every level inside Hangzhou (home) and the roles that read; the target is always Ningbo (other).
    const viewers = ['3301', '330106', HOME];
    let attempts = await probeOutOfRegion({
      url: gateway.url,
      env: harness.env,
      viewers,
      readings: readings(other, away),
      writings: writings(other, home),
      secrets: other.secrets,
    });
    // Figures of region B at every level above it are FORBIDDEN outright.
    for (const region of viewers) {
      for (const roles of [['admin'], ['official'], ['analyst']] as const) {
        const token = await tokenFor(harness.env, region, [...roles]);
        for (const code of [away, away.slice(0, 6), away.slice(0, 4), '33']) {
          const answer = await executeGraphQL(gateway.url, readings(other, code)[7]!.query, {
            token,
            variables: { code },
          });
          attempts++;
          expect(errorCodes(answer), `${region} figures of ${code}`).toEqual(['FORBIDDEN']);
        }
      }
    }
    console.log(`cross-region: ${attempts} attempts by ${viewers.length * 3} viewers, no leak`);
    // Nothing was changed by the refused writes: region B's records are as they were.
    const b = await gql(
      `query($o: ID!, $m: ID!) { partyOrganization(id: $o) { dissolvedOn committee { member { id } } meetings { totalCount } venue { meetsStandard } term { electedOn } }
      partyMember(id: $m) { organizationHistory { organizationId toDate } } }`,
      { o: other.organization, m: other.member },
    );
    expect(b.partyOrganization).toEqual({
      dissolvedOn: null,
      committee: [{ member: { id: other.member } }],
      meetings: { totalCount: 1 },
      venue: { meetsStandard: true },
      term: { electedOn: '2020-01-01' },
    });
    expect(b.partyMember.organizationHistory).toEqual([{ organizationId: other.organization, toDate: null }]);
  });

  it('see nothing of another region at the organizations subgraph directly either', async () => {
    const url = harness.subgraphs.organizations!.url;
    const token = await tokenFor(harness.env, '3301', ['admin']);
    const entities = await resolveEntities(
      url,
      token,
      [
        { __typename: 'PartyOrganization', id: other.organization },
        { __typename: 'PartyMember', id: other.member },
        { __typename: 'MarketEntity', id: other.entity },
      ],
      `... on PartyOrganization { id name } ... on PartyMember { organization { id } organizationHistory { organizationId } } ... on MarketEntity { coveringOrganizations { organizationId } }`,
    );
    expect(leaks(entities, other.secrets)).toEqual([]);
    expect(entities.data._entities).toEqual([
      null,
      { organization: null, organizationHistory: [] },
      { coveringOrganizations: [] },
    ]);
    const figures = await resolveEntities(
      url,
      token,
      [{ __typename: 'Region', code: away }],
      '... on Region { organizationFigures { organizations } }',
    );
    expect(errorCodes(figures)).toEqual(['FORBIDDEN']);
    // The home region's own records stay visible to the same viewer: the test would pass vacuously otherwise.
    const own = await resolveEntities(
      url,
      token,
      [{ __typename: 'PartyOrganization', id: home.organization }],
      '... on PartyOrganization { id }',
    );
    expect(own.data._entities).toEqual([{ id: home.organization }]);
  });
});
