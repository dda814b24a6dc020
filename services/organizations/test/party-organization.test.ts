/**
 * Party organizations under attack: identical forms sent eight at once and one by one, standalone
 * branches raced on one host, a parent dissolved while a child is formed or moved under it, a
 * dissolution back-dated under recorded coverage, and references that cannot be checked or are
 * dated before the thing they name existed. Each refused write is coded and changes nothing; what
 * the database must hold (one living twin, one standalone per host, no living child of a dissolved
 * parent) is read back from its rows.
 */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@xgz/testkit';
import { jointBranch as joint, organizationsFixture, TOWNSHIP, type SubgraphName } from './organizations-fixture.js';

const fixture = organizationsFixture();

const FORM = `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`;
const DISSOLVE = `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id } }`;

const send = (subgraph: SubgraphName, query: string, variables: Record<string, unknown> = {}) =>
  fixture.send(subgraph, query, variables);
const call = (subgraph: SubgraphName, query: string, variables: Record<string, unknown> = {}) =>
  fixture.call(subgraph, query, variables);
const owner = async (query: string, values: unknown[] = []) => ({ rows: await fixture.owner(query, values) });
const entityWithMembers = (registeredOn: string, formal: number) => fixture.entityWithMembers(registeredOn, formal);

const form = async (input: Record<string, unknown>) =>
  (await call('organizations', FORM, { input })).formPartyOrganization.organization.id as string;

describe('identical organizations', () => {
  it('are formed once when eight arrive at once, and refused when sent one by one', async () => {
    const input = joint('攻防联合党支部');
    const answers = await Promise.all(Array.from({ length: 8 }, () => send('organizations', FORM, { input })));
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const answer of answers.filter((each) => each.errors))
      expect(errorCodes(answer)).toEqual(['DUPLICATE_ORGANIZATION']);
    // Spaces typed differently name the same organization.
    const again = await send('organizations', FORM, { input: { ...input, name: ' 攻防联合党支部 ' } });
    expect(errorCodes(again)).toEqual(['DUPLICATE_ORGANIZATION']);
    const rows = await owner(`select id from party_organization where name = '攻防联合党支部'`);
    expect(rows.rows).toHaveLength(1);
    // Dissolved, it may be formed again (the twin rule is about living ones); re-forming the old one then meets the new twin.
    await call('organizations', DISSOLVE, { id: rows.rows[0].id, on: '2019-01-01' });
    const second = await form(input);
    const reform = await send(
      'organizations',
      `mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2020-01-01") { id } }`,
      { id: rows.rows[0].id },
    );
    expect(errorCodes(reform)).toEqual(['DUPLICATE_ORGANIZATION']);
    expect(
      (
        await owner(
          `select count(*)::int as n from party_organization where name = '攻防联合党支部' and dissolved_on is null`,
        )
      ).rows[0].n,
    ).toBe(1);
    expect(second).not.toBe(rows.rows[0].id);
  });
});

describe('standalone organizations', () => {
  it('live one per host entity: eight at once, then a ninth one by one, leave one organization and one link', async () => {
    const { entity } = await entityWithMembers('2016-02-13', 3);
    const standalone = (index: number) => ({
      ...joint(`攻防公司党支部${index}`),
      formation: 'STANDALONE',
      hostKind: 'MARKET_ENTITY',
      hostId: entity,
      hostName: null,
      establishedOn: '2017-01-01',
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => send('organizations', FORM, { input: standalone(index) })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const answer of answers.filter((each) => each.errors))
      expect(errorCodes(answer)).toEqual(['STANDALONE_ORGANIZATION_EXISTS']);
    expect(errorCodes(await send('organizations', FORM, { input: standalone(9) }))).toEqual([
      'STANDALONE_ORGANIZATION_EXISTS',
    ]);
    expect(
      (
        await owner(`select count(*)::int as n from party_organization where host_id = $1 and dissolved_on is null`, [
          entity,
        ])
      ).rows[0].n,
    ).toBe(1);
    expect(
      (await owner(`select count(*)::int as n from coverage_link where entity_id = $1 and to_date is null`, [entity]))
        .rows[0].n,
    ).toBe(1);
  });

  it('are not established before their host entity was registered', async () => {
    const { entity } = await entityWithMembers('2016-02-13', 3);
    const answer = await send('organizations', FORM, {
      input: {
        ...joint('攻防早立党支部'),
        formation: 'STANDALONE',
        hostKind: 'MARKET_ENTITY',
        hostId: entity,
        hostName: null,
        establishedOn: '2013-10-06',
      },
    });
    expect(errorCodes(answer)).toEqual(['BEFORE_REGISTRATION']);
    expect(answer.errors![0]!.message).toContain('2016-02-13');
    expect(
      (await owner(`select count(*)::int as n from party_organization where host_id = $1`, [entity])).rows[0].n,
    ).toBe(0);
  });
});

describe('a parent and its children', () => {
  const committee = (name: string) => ({ ...joint(name), level: 'GENERAL_BRANCH', establishedOn: '2015-01-01' });
  /** No living organization under a dissolved parent, whatever ran at once. */
  const livingUnderDissolved = async () =>
    (
      await owner(
        `select count(*)::int as n from party_organization c join party_organization p on p.id = c.parent_id where c.dissolved_on is null and p.dissolved_on is not null`,
      )
    ).rows[0].n;

  it('never leave a living child under a dissolved parent when the parent is dissolved while a child is formed or moved under it', async () => {
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 10; trial++) {
      const parent = await form(committee(`攻防总支${trial}`));
      const loose = await form(joint(`攻防游离支部${trial}`));
      const [dissolved, formed, moved] = await Promise.all([
        send('organizations', DISSOLVE, { id: parent, on: '2020-01-01' }),
        send('organizations', FORM, { input: joint(`攻防下属支部${trial}`, { parentId: parent }) }),
        send(
          'organizations',
          `mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p, movedOn: "2019-06-01") { id } }`,
          { id: loose, p: parent },
        ),
      ]);
      for (const answer of [dissolved, formed, moved]) outcomes.add(errorCodes(answer).join() || 'OK');
      if (!dissolved.errors) {
        expect(formed.errors?.[0]?.extensions?.code ?? 'OK').toBe('PARENT_DISSOLVED');
        expect(moved.errors?.[0]?.extensions?.code ?? 'OK').toBe('PARENT_DISSOLVED');
      }
      expect(await livingUnderDissolved()).toBe(0);
    }
    // Whichever came first: the refusals name the rule that held.
    for (const outcome of outcomes)
      expect(['OK', 'PARENT_DISSOLVED', 'ORGANIZATION_HAS_ACTIVE_CHILDREN']).toContain(outcome);
  });

  it('refuses to re-form a child whose parent was dissolved', async () => {
    const parent = await form(committee('攻防母总支'));
    const child = await form(joint('攻防子支部', { parentId: parent }));
    await call('organizations', DISSOLVE, { id: child, on: '2020-01-01' });
    await call('organizations', DISSOLVE, { id: parent, on: '2020-02-01' });
    const reform = await send(
      'organizations',
      `mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2021-01-01") { id } }`,
      { id: child },
    );
    expect(errorCodes(reform)).toEqual(['PARENT_DISSOLVED']);
    expect(
      (await owner(`select dissolved_on is not null as dissolved from party_organization where id = $1`, [child]))
        .rows[0].dissolved,
    ).toBe(true);
  });
});

describe('a dissolution', () => {
  it('is refused on or before what is recorded against the organization, and changes nothing', async () => {
    const { entity } = await entityWithMembers('2016-02-13', 1);
    const branch = await form(joint('攻防覆盖支部'));
    await call(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2021-06-09") { id } }`,
      {
        o: branch,
        e: [entity],
      },
    );
    const history = async () =>
      (await owner(`select count(*)::int as n from fact_version where subject_id = $1`, [branch])).rows[0].n;
    const before = await history();
    for (const on of ['2020-01-01', '2021-06-09']) {
      const answer = await send('organizations', DISSOLVE, { id: branch, on });
      expect(errorCodes(answer)).toEqual(['DISSOLUTION_BEFORE_RECORDS']);
      expect(answer.errors![0]!.message).toContain('2021-06-09');
    }
    expect(await history()).toBe(before);
    await call('organizations', DISSOLVE, { id: branch, on: '2021-06-10' });
    // Nothing begins in it after its death, nor in a gap of its life once re-formed.
    const late = await send(
      'organizations',
      `mutation($o: ID!, $e: ID!) { endCoverage(organizationId: $o, entityId: $e, endedOn: "2022-01-01") { id } }`,
      {
        o: branch,
        e: entity,
      },
    );
    expect(late.errors).toBeUndefined();
    await call(
      'organizations',
      `mutation($id: ID!) { reformPartyOrganization(id: $id, reformedOn: "2023-01-01") { id } }`,
      { id: branch },
    );
    const inGap = await send(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2022-03-01") { id } }`,
      {
        o: branch,
        e: [entity],
      },
    );
    expect(errorCodes(inGap)).toEqual(['ORGANIZATION_NOT_ALIVE_ON_DATE']);
  });
});

describe('references', () => {
  it('refuses what it cannot find or place: an unknown market host or assignment, a market entity id on an association host', async () => {
    const random = crypto.randomUUID();
    expect(
      errorCodes(
        await send('organizations', FORM, {
          input: { ...joint('攻防市场支部'), hostKind: 'MARKET', hostId: random, hostName: null },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    const { entity } = await entityWithMembers('2016-02-13', 0);
    const association = await send('organizations', FORM, { input: { ...joint('攻防协会支部'), hostId: entity } });
    expect(errorCodes(association)).toEqual(['BAD_USER_INPUT']);
    expect(association.errors![0]!.extensions!.field).toBe('input.hostId');
    const worker = (
      await call(
        'organizations',
        `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`,
        {
          input: { name: '攻防指导员', kind: 'INSTRUCTOR', regionCode: TOWNSHIP, servingFrom: '2016-01-01' },
        },
      )
    ).appointPartyWorker.id;
    const assign = (kind: string, target: string, from = '2018-01-01') =>
      send(
        'organizations',
        `mutation($w: ID!, $k: AssignmentTargetKind!, $t: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $w, targetKind: $k, targetId: $t, fromDate: $on) { id } }`,
        {
          w: worker,
          k: kind,
          t: target,
          on: from,
        },
      );
    expect(errorCodes(await assign('MARKET', random))).toEqual(['NOT_FOUND']);
    // Assigned before the entity existed: refused, naming its registration day.
    const early = await assign('MARKET_ENTITY', entity, '2016-02-12');
    expect(errorCodes(early)).toEqual(['BEFORE_REGISTRATION']);
    expect(early.errors![0]!.message).toContain('2016-02-13');
    // The same worker twice on one entity: once.
    expect((await assign('MARKET_ENTITY', entity)).errors).toBeUndefined();
    expect(errorCodes(await assign('MARKET_ENTITY', entity, '2019-01-01'))).toEqual(['ALREADY_ASSIGNED']);
    const listed = await call(
      'organizations',
      `query($e: ID!) { _entities(representations: [{ __typename: "MarketEntity", id: $e }]) { ... on MarketEntity { assignedWorkers { id } } } }`,
      { e: entity },
    );
    expect(listed._entities[0].assignedWorkers).toEqual([{ id: worker }]);
    expect(
      (await owner(`select count(*)::int as n from worker_assignment where worker_id = $1`, [worker])).rows[0].n,
    ).toBe(1);
  });

  it('refuses coverage dated before the entity was registered, naming the date', async () => {
    const { entity } = await entityWithMembers('2016-02-13', 0);
    const branch = await form(joint('攻防早覆盖支部', { establishedOn: '2010-01-01' }));
    const answer = await send(
      'organizations',
      `mutation($o: ID!, $e: [ID!]!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: "2015-05-01") { id } }`,
      {
        o: branch,
        e: [entity],
      },
    );
    expect(errorCodes(answer)).toEqual(['BEFORE_REGISTRATION']);
    expect(answer.errors![0]!.message).toContain('registered (2016-02-13)');
    expect((await owner(`select count(*)::int as n from coverage_link where entity_id = $1`, [entity])).rows[0].n).toBe(
      0,
    );
  });

  it('refuses a meeting held with nobody present, and members placed outside the organization', async () => {
    const { members } = await entityWithMembers('2016-02-13', 2);
    const branch = await form(joint('攻防会议支部'));
    const meeting = await send(
      'organizations',
      `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`,
      {
        input: {
          organizationId: branch,
          type: 'GROUP_MEETING',
          topic: '学习',
          held: { heldOn: '2021-03-01', present: [], absent: [{ memberId: members[0], reason: 'ILLNESS' }] },
        },
      },
    );
    expect(errorCodes(meeting)).toEqual(['BAD_USER_INPUT']);
    expect(meeting.errors![0]!.extensions!.field).toBe('held.present');
    // A branch of another township of the county cannot take these members into its committee or its life.
    const elsewhere = await form(joint('攻防邻镇支部', { regionCode: '330106012' }));
    for (const query of [
      `mutation($o: ID!, $m: ID!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: DEPUTY_SECRETARY, fromDate: "2021-01-01") { id } }`,
      `mutation($o: ID!, $m: ID!) { joinOrganizationLife(organizationId: $o, memberId: $m, fromDate: "2021-01-01") { id } }`,
    ]) {
      expect(errorCodes(await send('organizations', query, { o: elsewhere, m: members[1] }))).toEqual([
        'MEMBER_OUTSIDE_ORGANIZATION_REGION',
      ]);
    }
    expect(
      (await owner(`select count(*)::int as n from meeting where organization_id in ($1, $2)`, [branch, elsewhere]))
        .rows[0].n,
    ).toBe(0);
  });
});
