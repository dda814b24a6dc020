/**
 * Organizations through the real gateway, fed by registry over the fact feed: a new user forms a
 * joint branch covering three entities, appoints a secretary, records a quarter's 三会一课, dissolves
 * and re-forms it, and reads the township's coverage and organization-life figures as of dates
 * before, during and after — equal to a hand count. Registry's changes (a suspension, a
 * back-dated one) reach the figures through the feed; the delay is measured and printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMonths,
  compareFeedCopy,
  feedClient,
  maskName,
  openOwnerOrm,
  rebuildFeedCopy,
  startSubgraph,
  subgraphRoles,
  today,
  type RunningServer,
} from '@xgz/kit';
import {
  errorCodes,
  executeGraphQL,
  startTestSubgraphs,
  tokenFor,
  withConnection,
  type SubgraphHarness,
} from '@xgz/testkit';
import { parseGatewayEnv, startGateway } from '@xgz/gateway';
import { assessmentsSubgraph } from '@xgz/assessments';
import { marketsSubgraph } from '@xgz/markets';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph } from '@xgz/registry';

const TOWNSHIP = '330106002';
const COUNTY = '330106';
let harness: SubgraphHarness;
let gateway: RunningServer;
let token: string;
const entities: string[] = [];
const members: string[] = [];
let branch: string;

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await executeGraphQL(gateway.url, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
};

const COVERAGE = `query($code: ID!, $asOf: LocalDate) { region(code: $code) {
  organizationFigures(asOf: $asOf) { organizations coverage { organizationCoverage { numerator denominator } standaloneRate { numerator } workCoverage { numerator } } }
} }`;

/** [covered, operating] of a region as of a date (live when omitted). */
async function coverage(code: string, asOf?: string): Promise<[number, number]> {
  const data = await gql(COVERAGE, { code, asOf });
  const rate = data.region.organizationFigures.coverage.organizationCoverage;
  return [rate.numerator, rate.denominator];
}

/** Polls until `read` returns `expected`; returns the milliseconds it took (the feed's delay as a user sees it). */
async function waitFor<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) expect(value).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function registerEntity(name: string): Promise<string> {
  const data = await gql(
    `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id } }`,
    {
      input: { kind: 'INDIVIDUAL_BUSINESS', name, regionCode: TOWNSHIP, registeredOn: '2020-01-01' },
    },
  );
  return data.registerMarketEntity.id;
}

const startGatewayFor = (subgraphs: SubgraphHarness['subgraphs']) =>
  startGateway({
    env: parseGatewayEnv({ NODE_ENV: 'test', GATEWAY_PORT: '0', LOG_LEVEL: 'error' }),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
  });

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph, marketsSubgraph, assessmentsSubgraph]);
  gateway = await startGatewayFor(harness.subgraphs);
  token = await tokenFor(harness.env, '33', ['admin']);
  for (const name of ['甲服装店', '乙五金店', '丙小吃店', '丁杂货店']) entities.push(await registerEntity(name));
  for (const name of ['赵一', '钱二', '孙三', '李四']) {
    const data = await gql(
      `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
      {
        input: {
          entityId: entities[0],
          name,
          isOwner: false,
          category: 'FORMAL',
          distribution: 'INDIVIDUAL_BUSINESS',
          relationshipType: 'AFFILIATED',
          foundVia: 'PHONE',
          registeredOn: '2020-06-01',
        },
      },
    );
    members.push(data.registerPartyMember.id);
  }
});

const LIFE = `query($code: ID!, $asOf: LocalDate) { region(code: $code) { organizationFigures(asOf: $asOf) {
  meetingSchedule { numerator denominator } venueStandard { numerator denominator } termsOverdue { numerator denominator } membersOutOfLife { numerator denominator }
} } }`;

/** Organization-life figures of a region as of a date: [numerator, denominator] of each. */
async function life(code: string, asOf?: string) {
  const figures = (await gql(LIFE, { code, asOf })).region.organizationFigures;
  const pair = (rate: { numerator: number; denominator: number }) => [rate.numerator, rate.denominator];
  return {
    schedule: pair(figures.meetingSchedule),
    venue: pair(figures.venueStandard),
    overdue: pair(figures.termsOverdue),
    out: pair(figures.membersOutOfLife),
  };
}

const held = (heldOn: string, present: string[], absent: { memberId: string; reason: string }[] = []) => ({
  heldOn,
  present,
  absent,
  hostMemberId: present[0],
  recorderMemberId: present[0],
});

async function recordMeeting(type: string, topic: string, meeting: ReturnType<typeof held>) {
  const data = await gql(
    `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id heldOn expectedCount presentCount } }`,
    {
      input: { organizationId: branch, type, topic, held: meeting },
    },
  );
  return data.recordMeeting;
}

afterAll(async () => {
  await gateway?.stop();
  await harness?.stop();
});

describe('a joint branch covering three entities, through the gateway', () => {
  it('sees registry entities arrive through the feed', async () => {
    const delay = await waitFor(() => coverage(TOWNSHIP), [0, 4]);
    console.log(`feed: 4 registrations reached the coverage denominator in ${delay.toFixed(0)} ms`);
  });

  it('forms, covers, dissolves and re-forms; coverage as of each date equals the hand count', async () => {
    const formed = await gql(
      `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id formation } warnings } }`,
      {
        input: {
          name: '西湖个体联合党支部',
          level: 'BRANCH',
          formation: 'JOINT',
          regionCode: TOWNSHIP,
          hostKind: 'ASSOCIATION',
          hostName: '西湖区个私协会',
          establishedOn: '2021-03-01',
        },
      },
    );
    branch = formed.formPartyOrganization.organization.id;
    expect(formed.formPartyOrganization.warnings).toEqual([]);
    await gql(
      `mutation($id: ID!, $ids: [ID!]!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: "2021-03-01") { id } }`,
      {
        id: branch,
        ids: entities.slice(0, 3),
      },
    );
    const page = await gql(
      `query($id: ID!) { partyOrganization(id: $id) { coverage(first: 2) { totalCount edges { node { entityId fromDate toDate } } } } }`,
      { id: branch },
    );
    expect(page.partyOrganization.coverage.totalCount).toBe(3);
    expect(page.partyOrganization.coverage.edges).toHaveLength(2);
    expect(entities.slice(0, 3)).toContain(page.partyOrganization.coverage.edges[0].node.entityId);

    // Its people: 赵一 secretary from the start, 钱二 succeeding on 2022-01-01; all four in its organization life.
    await waitFor(
      async () =>
        (
          await executeGraphQL(
            gateway.url,
            `mutation($o: ID!, $m: ID!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: "2021-03-01") { id } }`,
            {
              token,
              variables: { o: branch, m: members[0] },
            },
          )
        ).errors?.[0]?.extensions?.code ?? 'JOINED',
      'JOINED',
    );
    for (const member of members.slice(1)) {
      await gql(
        `mutation($o: ID!, $m: ID!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: "2021-03-01") { id } }`,
        { o: branch, m: member },
      );
    }
    await gql(
      `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: SECRETARY, fromDate: "2021-03-01") { id } }`,
      {
        o: branch,
        m: members[0],
      },
    );
    await gql(
      `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: SECRETARY, fromDate: "2022-01-01") { id } }`,
      {
        o: branch,
        m: members[1],
      },
    );

    // A quarter's 三会一课 (2021 Q2): 赵一 at every meeting, 钱二 and 孙三 at the general meeting only, 李四 absent (ill).
    const [a, b, c, d] = members as [string, string, string, string];
    const general = await recordMeeting(
      'BRANCH_GENERAL_MEETING',
      '二季度党员大会',
      held('2021-04-20', [a, b, c], [{ memberId: d, reason: 'ILLNESS' }]),
    );
    expect(general).toMatchObject({ heldOn: '2021-04-20', expectedCount: 4, presentCount: 3 });
    for (const day of ['2021-04-10', '2021-05-10', '2021-06-10'])
      await recordMeeting('BRANCH_COMMITTEE_MEETING', '支委会', held(day, [a]));
    for (const day of ['2021-04-15', '2021-05-15', '2021-06-15'])
      await recordMeeting('GROUP_MEETING', '党小组会', held(day, [a]));
    // The lecture was planned first, then recorded as held.
    const planned = await gql(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id heldOn } }`, {
      input: { organizationId: branch, type: 'PARTY_LECTURE', topic: '诚信经营党课', plannedOn: '2021-05-18' },
    });
    expect(planned.recordMeeting.heldOn).toBeNull();
    await gql(
      `mutation($id: ID!, $held: HeldMeetingInput!) { recordMeetingHeld(meetingId: $id, held: $held) { id } }`,
      {
        id: planned.recordMeeting.id,
        held: held('2021-05-20', [a]),
      },
    );
    await gql(
      `mutation($o: ID!) { recordVenueCheck(organizationId: $o, input: { checkedOn: "2021-05-01", place: true, facilities: true, sign: true, flag: true, booksAndPapers: true, rules: true }) { meetsStandard } }`,
      { o: branch },
    );

    await gql(`mutation($id: ID!) { dissolvePartyOrganization(id: $id, dissolvedOn: "2022-06-30") { dissolvedOn } }`, {
      id: branch,
    });
    await gql(`mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2023-01-01") { dissolvedOn } }`, {
      id: branch,
    });
    // No meeting on a day it was dissolved; the refusal writes nothing.
    const whileDissolved = await executeGraphQL(
      gateway.url,
      `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
      {
        token,
        variables: {
          input: { organizationId: branch, type: 'THEMED_DAY', topic: '主题党日', held: held('2022-09-01', [a]) },
        },
      },
    );
    expect(whileDissolved.errors?.[0]?.extensions?.code).toBe('ORGANIZATION_NOT_ALIVE_ON_DATE');
    const meetings = await gql(
      `query($id: ID!) { partyOrganization(id: $id) { meetings(first: 20) { totalCount } } }`,
      { id: branch },
    );
    expect(meetings.partyOrganization.meetings.totalCount).toBe(8);

    // Hand count: 4 operating entities throughout; 3 covered from 2021-03-01 to 2022-06-30 and again from 2023-01-01.
    expect(await coverage(TOWNSHIP, '2021-02-28')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2021-06-30')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP, '2022-06-29')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP, '2022-06-30')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2022-12-31')).toEqual([0, 4]);
    expect(await coverage(TOWNSHIP, '2023-01-01')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP)).toEqual([3, 4]);
    for (const code of [COUNTY, '3301', '33']) expect(await coverage(code)).toEqual([3, 4]);
    const organizations = await gql(COVERAGE, { code: TOWNSHIP, asOf: '2022-12-31' });
    expect(organizations.region.organizationFigures.organizations).toBe(0);

    // Secretary as of dates: 赵一, then 钱二 from 2022-01-01.
    const secretary = await gql(
      `query($id: ID!) { partyOrganization(id: $id) {
      before: secretary(asOf: "2021-12-31") { member { id name } } now: secretary { member { id } } committee(asOf: "2021-06-30") { role member { id } } } }`,
      { id: branch },
    );
    expect(secretary.partyOrganization.before.member).toEqual({ id: members[0], name: '赵一' });
    expect(secretary.partyOrganization.now.member.id).toBe(members[1]);
    expect(secretary.partyOrganization.committee).toEqual([{ role: 'SECRETARY', member: { id: members[0] } }]);
    const member = await gql(
      `query($id: ID!) { partyMember(id: $id) { organization { id } organizationHistory { organizationId fromDate toDate } } }`,
      { id: members[3] },
    );
    expect(member.partyMember.organization.id).toBe(branch);
    expect(member.partyMember.organizationHistory).toEqual([
      { organizationId: branch, fromDate: '2021-03-01', toDate: null },
    ]);

    // Hand count. 三会一课 (one branch keeps it): nothing due in the first interval after forming (committee and
    // group monthly → from 2021-04-01; general meeting and lecture quarterly → from 2021-06-01); then each kind must
    // have been held within its interval. 六有 met from the 2021-05-01 check. Term: 3 years from 2021-03-01.
    // Members out of life: nobody in the first 6 months; 李四 (never present) from 2021-09-01; 钱二 and 孙三 (last
    // present 2021-04-20) from 2021-10-20; 赵一 (last present 2021-06-15) from 2021-12-15.
    expect(await life(TOWNSHIP, '2021-03-15')).toEqual({
      schedule: [1, 1],
      venue: [0, 1],
      overdue: [0, 1],
      out: [0, 4],
    });
    expect(await life(TOWNSHIP, '2021-04-05')).toEqual({
      schedule: [0, 1],
      venue: [0, 1],
      overdue: [0, 1],
      out: [0, 4],
    });
    expect(await life(TOWNSHIP, '2021-06-30')).toEqual({
      schedule: [1, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [0, 4],
    });
    expect(await life(TOWNSHIP, '2021-07-10')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [0, 4],
    });
    expect(await life(TOWNSHIP, '2021-09-15')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [1, 4],
    });
    expect(await life(TOWNSHIP, '2021-10-20')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [3, 4],
    });
    expect(await life(TOWNSHIP, '2021-12-15')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [4, 4],
    });
    // Dissolved: no standing; its members still belong to its life and have none.
    expect(await life(TOWNSHIP, '2022-12-31')).toEqual({
      schedule: [0, 0],
      venue: [0, 0],
      overdue: [0, 0],
      out: [4, 4],
    });
    // Re-formed: nothing due for a month again.
    expect(await life(TOWNSHIP, '2023-01-15')).toEqual({
      schedule: [1, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [4, 4],
    });
    expect(await life(TOWNSHIP, '2024-02-29')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [0, 1],
      out: [4, 4],
    });
    expect(await life(TOWNSHIP, '2024-03-01')).toEqual({
      schedule: [0, 1],
      venue: [1, 1],
      overdue: [1, 1],
      out: [4, 4],
    });
    for (const code of [COUNTY, '3301', '33'])
      expect(await life(code, '2021-10-20')).toEqual(await life(TOWNSHIP, '2021-10-20'));

    // An election ends the overdue term; the term list follows it.
    const overdueBefore = await gql(
      `query { organizationTerms(status: OVERDUE, regionCode: "${TOWNSHIP}") { edges { node { id } } } }`,
    );
    expect(overdueBefore.organizationTerms.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      branch,
    ]);
    await gql(`mutation($id: ID!) { recordElection(organizationId: $id, electedOn: "2024-05-01") { id } }`, {
      id: branch,
    });
    expect((await life(TOWNSHIP, '2024-05-01')).overdue).toEqual([0, 1]);
    const term = await gql(`query($id: ID!) { partyOrganization(id: $id) { term { electedOn years endsOn } } }`, {
      id: branch,
    });
    expect(term.partyOrganization.term).toEqual({ electedOn: '2024-05-01', years: 3, endsOn: '2027-05-01' });
    const overdueAfter = await gql(
      `query { organizationTerms(status: OVERDUE, regionCode: "${TOWNSHIP}") { totalCount } }`,
    );
    expect(overdueAfter.organizationTerms.totalCount).toBe(0);

    // A party-work social worker alone does not make work coverage (WORK_COVERAGE_WORKER_KINDS: instructors and liaisons).
    const workCoverage = async () =>
      (
        await gql(
          `query { region(code: "${TOWNSHIP}") { organizationFigures { coverage { workCoverage { numerator denominator } } } } }`,
        )
      ).region.organizationFigures.coverage.workCoverage;
    const socialWorker = await gql(
      `mutation { appointPartyWorker(input: { name: "李社工", kind: SOCIAL_WORKER, regionCode: "${COUNTY}", servingFrom: "2024-01-01" }) { id } }`,
    );
    await gql(
      `mutation($w: ID!, $e: ID!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $e, fromDate: "2024-02-01") { id } }`,
      {
        w: socialWorker.appointPartyWorker.id,
        e: entities[3],
      },
    );
    expect(await workCoverage()).toEqual({ numerator: 3, denominator: 4 });

    // An instructor for the uncovered entity: listed on the entity (masked for an analyst), counted as work coverage.
    const worker = await gql(
      `mutation { appointPartyWorker(input: { name: "王指导", kind: INSTRUCTOR, regionCode: "${COUNTY}", servingFrom: "2024-01-01" }) { id } }`,
    );
    await gql(
      `mutation($w: ID!, $e: ID!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $e, fromDate: "2024-02-01") { id } }`,
      {
        w: worker.appointPartyWorker.id,
        e: entities[3],
      },
    );
    const assigned = await gql(
      `query($e: ID!) { marketEntity(id: $e) { before: assignedWorkers(asOf: "2024-01-31") { name } now: assignedWorkers { name kind } } }`,
      {
        e: entities[3],
      },
    );
    expect(assigned.marketEntity.before).toEqual([]);
    expect(assigned.marketEntity.now).toEqual(
      expect.arrayContaining([
        { name: '王指导', kind: 'INSTRUCTOR' },
        { name: '李社工', kind: 'SOCIAL_WORKER' },
      ]),
    );
    expect(assigned.marketEntity.now).toHaveLength(2);
    const analyst = await executeGraphQL(
      gateway.url,
      `query($e: ID!) { marketEntity(id: $e) { assignedWorkers { name } } }`,
      {
        token: await tokenFor(harness.env, '33', ['analyst']),
        variables: { e: entities[3] },
      },
    );
    expect(analyst.data.marketEntity.assignedWorkers).toEqual(
      expect.arrayContaining([{ name: maskName('王指导') }, { name: maskName('李社工') }]),
    );
    expect(await workCoverage()).toEqual({ numerator: 4, denominator: 4 });
  });

  it('refuses what a branch cannot record, changing nothing; keeps the tree a tree; lists terms coming due', async () => {
    const [a, b, , d] = members as [string, string, string, string];
    const code = async (query: string, variables: Record<string, unknown>) =>
      errorCodes(await executeGraphQL(gateway.url, query, { token, variables }))[0];
    const before = await gql(
      `query($id: ID!) { partyOrganization(id: $id) { committee { role member { id } } meetings { totalCount } } }`,
      { id: branch },
    );
    const record = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;
    const meeting = (held: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => ({
      input: {
        organizationId: branch,
        type: 'PARTY_LECTURE',
        topic: '党课',
        ...(held ? { held: { heldOn: '2024-06-01', absent: [], ...held } } : {}),
        ...extra,
      },
    });
    expect(await code(record, meeting({ present: [a], absent: [{ memberId: a, reason: 'ILLNESS' }] }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(record, meeting({ present: Array.from({ length: 501 }, () => crypto.randomUUID()) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(record, meeting({ present: [crypto.randomUUID()] }))).toBe('NOT_FOUND');
    expect(await code(record, meeting(null))).toBe('BAD_USER_INPUT');
    expect(await code(record, meeting(null, { plannedOn: '2099-01-01' }))).toBe('BAD_USER_INPUT');
    expect(await code(record, meeting({ present: [a], heldOn: '2099-01-01' }))).toBe('BAD_USER_INPUT');
    // A post held twice, an unknown member, a member off the books.
    const appoint = `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: COMMITTEE_MEMBER, fromDate: "2024-06-01") { id } }`;
    expect(await code(appoint, { o: branch, m: b })).toBe('ROLE_ALREADY_HELD');
    expect(await code(appoint, { o: branch, m: crypto.randomUUID() })).toBe('NOT_FOUND');
    const departed = await gql(
      `mutation($id: ID!) { recordMemberDeparture(id: $id, status: MOVED_OUT, reason: "迁出", effectiveOn: "2024-06-01") { id } }`,
      { id: d },
    );
    expect(departed.recordMemberDeparture.id).toBe(d);
    // Once the feed delivers the departure, 李四 leaves the organization-life figure, and posts are refused to him.
    await waitFor(async () => (await life(TOWNSHIP)).out, [3, 3]);
    expect(await code(appoint, { o: branch, m: d })).toBe('MEMBER_NOT_ON_BOOKS');
    expect(
      await code(`mutation($id: ID!) { recordElection(organizationId: $id, electedOn: "2024-05-01") { id } }`, {
        id: branch,
      }),
    ).toBe('ELECTION_ALREADY_RECORDED');
    const after = await gql(
      `query($id: ID!) { partyOrganization(id: $id) { committee { role member { id } } meetings { totalCount } } }`,
      { id: branch },
    );
    expect(after).toEqual(before);

    // A post ends: the committee as of that day no longer lists it.
    const posts = await gql(`query($id: ID!) { partyOrganization(id: $id) { committee { id role member { id } } } }`, {
      id: branch,
    });
    const secretaryPost = posts.partyOrganization.committee.find((post: { role: string }) => post.role === 'SECRETARY');
    await gql(`mutation($r: ID!) { endOrganizationRole(roleId: $r, endedOn: "2024-07-01") { toDate } }`, {
      r: secretaryPost.id,
    });
    const ended = await gql(
      `query($id: ID!) { partyOrganization(id: $id) { june: secretary(asOf: "2024-06-30") { member { id } } july: secretary(asOf: "2024-07-01") { id } } }`,
      {
        id: branch,
      },
    );
    expect(ended.partyOrganization).toEqual({ june: { member: { id: b } }, july: null });

    // The tree: a committee over a general branch over a branch; nothing moves under its own descendant.
    const form = async (name: string, level: string, parentId: string | null) =>
      (
        await gql(
          `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
          {
            input: {
              name,
              level,
              formation: 'SECTOR_WIDE',
              regionCode: COUNTY,
              parentId,
              hostKind: 'ASSOCIATION',
              hostName: '个私协会',
              establishedOn: '2020-01-01',
            },
          },
        )
      ).formPartyOrganization.organization.id as string;
    const committee = await form('西湖区个私协会党委', 'COMMITTEE', null);
    const general = await form('西湖区市场党总支', 'GENERAL_BRANCH', committee);
    const move = `mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p, movedOn: "2024-01-01") { id parentId } }`;
    expect(await code(move, { id: committee, p: general })).toBe('ORGANIZATION_CYCLE');
    expect(await code(move, { id: general, p: general })).toBe('ORGANIZATION_CYCLE');
    expect(
      (await gql(`query($id: ID!) { partyOrganization(id: $id) { parentId } }`, { id: committee })).partyOrganization
        .parentId,
    ).toBeNull();
    expect((await gql(move, { id: general, p: null })).moveOrganization.parentId).toBeNull();
    expect((await gql(move, { id: general, p: committee })).moveOrganization.parentId).toBe(committee);

    // Terms coming due: a committee elected 5 years less 2 months ago is due within 6 months, not overdue.
    const day = today();
    const electedOn = addMonths(day, -58);
    const due = (
      await gql(
        `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
        {
          input: {
            name: '西湖区个体劳动者协会党委',
            level: 'COMMITTEE',
            formation: 'SECTOR_WIDE',
            regionCode: COUNTY,
            hostKind: 'ASSOCIATION',
            hostName: '个劳协',
            establishedOn: electedOn,
          },
        },
      )
    ).formPartyOrganization.organization.id;
    const list = async (status: string) =>
      (
        await gql(
          `query { organizationTerms(status: ${status}, regionCode: "${COUNTY}") { edges { node { id term { endsOn } } } } }`,
        )
      ).organizationTerms.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await list('DUE')).toContain(due);
    expect(await list('OVERDUE')).not.toContain(due);
    // Elected when formed on 2020-01-01: the committee's 5 years ended on 2025-01-01, the general branch's 3 on 2023-01-01.
    expect(await list('OVERDUE')).toEqual(expect.arrayContaining([committee, general]));
    expect(await list('DUE')).not.toContain(committee);
  });

  it('an entity suspended in registry leaves numerator and denominator at every level once the feed delivers it', async () => {
    const written = performance.now();
    await gql(
      `mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: "2024-01-01") { status } }`,
      { id: entities[0] },
    );
    const delay = await waitFor(() => coverage(TOWNSHIP), [2, 3]);
    console.log(
      `feed: a suspension reached the coverage figure ${(performance.now() - written).toFixed(0)} ms after the write (${delay.toFixed(0)} ms after its answer)`,
    );
    for (const code of [COUNTY, '3301', '33']) expect(await coverage(code)).toEqual([2, 3]);
    expect(await coverage(TOWNSHIP, '2023-12-31')).toEqual([3, 4]);
  });

  it('a back-dated status change re-cuts the past figures', async () => {
    await gql(
      `mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: SUSPENDED, effectiveOn: "2021-05-01") { status } }`,
      { id: entities[1] },
    );
    await waitFor(() => coverage(TOWNSHIP, '2021-06-30'), [2, 3]);
    expect(await coverage(TOWNSHIP, '2021-04-30')).toEqual([3, 4]);
    expect(await coverage(TOWNSHIP)).toEqual([1, 2]);
  });

  it('catches up after organizations was down while registry changed', async () => {
    await harness.subgraphs.organizations!.stop();
    const newcomer = await registerEntity('戊新店');
    // The same record changed by a second transaction while the consumer is away: one page carries it twice.
    await gql(
      `mutation($id: ID!) { changeMarketEntityEmployees(id: $id, employees: 60, effectiveOn: "2024-03-01") { employees } }`,
      { id: newcomer },
    );
    await gql(
      `mutation($id: ID!) { changeMarketEntityStatus(id: $id, status: OPERATING, effectiveOn: "2024-06-01") { status } }`,
      { id: entities[0] },
    );
    const restarted = await startSubgraph(organizationsSubgraph, {
      env: harness.env,
      adminUrl: harness.database.adminUrl,
      port: 0,
      prepare: false,
      feedUrls: { registry: new URL(harness.subgraphs.registry!.url).origin },
    });
    harness.subgraphs.organizations = restarted;
    await gateway.stop();
    gateway = await startGatewayFor(harness.subgraphs);
    // entities[0] operating and covered again, the newcomer operating and not covered.
    await waitFor(() => coverage(TOWNSHIP), [2, 4]);
    expect(newcomer).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('compares a copy with its owner, finds a damaged one and rebuilds it from scratch', async () => {
    const orm = await openOwnerOrm(organizationsSubgraph.database, {
      adminUrl: harness.database.adminUrl,
      rolePassword: harness.env.DB_ROLE_PASSWORD,
    });
    try {
      const subscription = organizationsSubgraph.feed!.subscriptions![0]!;
      const fetchPage = feedClient({
        url: new URL(harness.subgraphs.registry!.url).origin,
        secret: harness.env.FEED_SECRET!,
        consumer: 'organizations',
        types: subscription.types,
        pageSize: 3,
      });
      const maintenance = { orm, subscription, fetchPage };
      const before = await compareFeedCopy(maintenance);
      // 5 entities and 4 members in registry, all copied.
      expect(before).toEqual({ ownerRecords: 9, matching: 9, differing: [], differingCount: 0, extra: 0 });
      const figures = await life(TOWNSHIP, '2021-10-20');
      const live = await coverage(TOWNSHIP);
      // Damage the copy beneath the service: one entity's periods lost, one member's state altered.
      await withConnection(
        subgraphRoles(harness.database.adminUrl, 'organizations', harness.env.DB_ROLE_PASSWORD).ownerUrl,
        async (client) => {
          await client.query(`delete from fed_fact where subject_id = $1`, [entities[2]]);
          await client.query(`update fed_fact set state = state || '{"status":"LEFT"}' where subject_id = $1`, [
            members[2],
          ]);
        },
      );
      const damaged = await compareFeedCopy(maintenance, 500);
      expect(damaged.differingCount).toBe(2);
      expect(damaged.differing.sort()).toEqual([`MarketEntity:${entities[2]}`, `PartyMember:${members[2]}`].sort());
      // The running consumer is stopped so that the rebuild alone does the work (both may run together: the cursor is compare-and-set).
      await harness.subgraphs.organizations!.feeds[0]!.stop();
      expect(await rebuildFeedCopy(maintenance)).toBe(9);
      expect(await compareFeedCopy(maintenance)).toMatchObject({ matching: 9, differingCount: 0, extra: 0 });
      // Re-derived from the rebuilt copy, the figures are what they were.
      expect(await life(TOWNSHIP, '2021-10-20')).toEqual(figures);
      expect(await coverage(TOWNSHIP)).toEqual(live);
    } finally {
      await orm.close();
    }
  });
});
