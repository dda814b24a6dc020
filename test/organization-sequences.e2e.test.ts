/**
 * A generated sequence of dated writes per aggregate — organizations and their tree, coverage,
 * party workers, committee posts, organization-life membership, meetings/checks/elections, and
 * registry's facts under them — drawn from a small pool of dates so that same-day moves,
 * successions, ends and re-openings on one day, and back-dated writes (a date before writes
 * already made) keep happening. Registry and organizations run in processes of their own, as under
 * `npm start`: every call must be answered within CALL_BOUND_MS, with a result or a coded refusal
 * (never INTERNAL_SERVER_ERROR or TIMEOUT), the service must stay alive, and after every write
 * every figure — at province, city, county and township, live and as of past dates — must equal
 * the reference computed from the raw rows (test/reference/organization-figures.ts).
 * SEQUENCE_SEED=<n> replays another sequence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { subgraphRoles, today } from '@xgz/kit';
import {
  createTestDatabase,
  executeGraphQL,
  spawnSubgraphs,
  testEnv,
  tokenFor,
  withConnection,
  sequenceWriter,
  waitForFeed,
  type SubgraphProcesses,
  type TestDatabase,
} from '@xgz/testkit';
import { withCheckCharacter } from '@xgz/registry';
import { seededRandom } from '../scripts/src/seeded-random.js';
import { FIGURES, rawRows, reference, served } from './reference/organization-figures.js';

const CALL_BOUND_MS = 5_000;
const SEED = Number(process.env.SEQUENCE_SEED ?? 20261207);
const random = seededRandom(SEED);
const COUNTY = '330106';
const TOWNSHIPS = ['330106002', '330106005'];
const REGIONS = ['33', '3301', COUNTY, ...TOWNSHIPS];
/** Few dates, often the same: same-day writes and back-dating come by themselves. */
const DATES = [
  '2019-03-01',
  '2019-07-01',
  '2020-01-01',
  '2020-01-01',
  '2020-06-30',
  '2020-10-08',
  '2021-01-01',
  '2021-06-30',
  '2022-03-15',
  '2022-03-15',
  '2023-01-01',
];
const COMPARED_DATES = ['2019-12-31', '2020-06-30', '2021-06-30', '2022-12-31'];

let database: TestDatabase;
let services: SubgraphProcesses;
let token: string;
const entities: { id: string; regionCode: string }[] = [];
const members: { id: string; regionCode: string }[] = [];
let serial = 0;

const owner = (name: string) => subgraphRoles(database.adminUrl, name, testEnv().DB_ROLE_PASSWORD).ownerUrl;
const pick = <T>(items: readonly T[]): T => random.pick(items as T[]);
const date = () => pick(DATES);

const { outcomes, write } = sequenceWriter({
  url: (subgraph) => services.byName[subgraph]!.url,
  token: () => token,
  boundMs: CALL_BOUND_MS,
});

/** Organizations has applied every registry change committed so far (its cursor is past registry's last transaction). */
const feedCaughtUp = () =>
  waitForFeed({
    sourceOwnerUrl: owner('registry'),
    consumerOwnerUrl: owner('organizations'),
    source: 'registry',
    types: ['MarketEntity', 'PartyMember'],
    context: () => services.byName.organizations!.output().slice(-2_000),
  });

/** Every figure at every level, live and as of past dates, equal to the reference; and the service alive. */
async function figuresEqualReference(after: string): Promise<void> {
  const health = await fetch(services.byName.organizations!.url.replace('/graphql', '/healthz'), {
    signal: AbortSignal.timeout(1_000),
  });
  expect(health.status).toBe(200);
  const raw = await rawRows(database.adminUrl, testEnv().DB_ROLE_PASSWORD);
  for (const asOf of [pick(COMPARED_DATES), today()]) {
    const answer = await executeGraphQL(
      services.byName.organizations!.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { code organizationFigures(asOf: "${asOf}") { ${FIGURES} } } } }`,
      { token, variables: { reps: REGIONS.map((code) => ({ __typename: 'Region', code })) }, timeoutMs: CALL_BOUND_MS },
    );
    expect(answer.errors, answer.raw.slice(0, 300)).toBeUndefined();
    for (const [index, region] of REGIONS.entries()) {
      const { standaloneCapableWithoutOwnIds: _ids, ...expected } = reference(raw, region, asOf, 'OPERATING');
      expect(
        served(answer.data._entities[index].organizationFigures),
        `${region} as of ${asOf}, after ${after}`,
      ).toEqual(expected);
      outcomes.compared++;
    }
  }
}

/** Runs `steps` writes drawn by `next`, comparing the figures after each. */
async function sequence(steps: number, next: () => Promise<string>): Promise<void> {
  for (let step = 0; step < steps; step++) {
    const what = await next();
    await feedCaughtUp();
    await figuresEqualReference(what);
  }
}

const rows = async <Row>(subgraph: string, sql: string, values: unknown[] = []) =>
  (await withConnection(owner(subgraph), (client) => client.query(sql, values))).rows as Row[];
const organizations = () =>
  rows<{ id: string; region_code: string; level: string; dissolved_on: string | null }>(
    'organizations',
    'select id, region_code, level, dissolved_on from party_organization',
  );
const inside = <T extends { regionCode: string }>(items: T[], region: string) =>
  items.filter((item) => item.regionCode.startsWith(region));

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'));
  services = await spawnSubgraphs(['registry', 'organizations'], {
    adminUrl: database.adminUrl,
    env: { FEED_POLL_MS: '30' },
  });
  token = await tokenFor(testEnv(), '33');
  const kinds = ['SMALL_MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'MARKET_OPERATOR'];
  for (let index = 0; index < 12; index++) {
    const kind = kinds[index % 3]!;
    const data = await write(
      'registry',
      `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id regionCode } }`,
      {
        input: {
          kind,
          name: `序列商户${index}`,
          creditCode:
            kind === 'INDIVIDUAL_BUSINESS' ? null : withCheckCharacter(`91330106MA2Y${String(index).padStart(5, '0')}`),
          regionCode: TOWNSHIPS[index % 2],
          registeredOn: `201${5 + (index % 3)}-0${1 + (index % 9)}-10`,
          employees: random.integer(0, 80),
        },
      },
    );
    entities.push(data.registerMarketEntity);
  }
  for (let index = 0; index < 30; index++) {
    const entity = entities[index % entities.length]!;
    const data = await write(
      'registry',
      `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id regionCode } }`,
      {
        input: {
          entityId: entity.id,
          name: `序列党员${index}`,
          isOwner: false,
          category: index % 4 === 3 ? 'PROBATIONARY' : 'FORMAL',
          distribution: 'INDIVIDUAL_BUSINESS',
          relationshipType: 'AFFILIATED',
          foundVia: 'PHONE',
          registeredOn: '2018-06-01',
        },
      },
    );
    members.push(data.registerPartyMember);
  }
  await feedCaughtUp();
}, 180_000);

afterAll(async () => {
  console.log(
    `sequences (seed ${SEED}): ${outcomes.accepted} writes accepted, refused ${JSON.stringify(Object.fromEntries(outcomes.refused))}, ${outcomes.compared} figure sets equal to the reference`,
  );
  await services?.stop();
  await database?.drop();
});

describe('generated sequences of dated writes, per aggregate', () => {
  it('organizations: formed (standalone ones too), dissolved, re-formed and moved on the same and earlier days', async () => {
    const formations = ['JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SECTOR_WIDE', 'STANDALONE'];
    await sequence(24, async () => {
      const existing = await organizations();
      const choice = random.next();
      if (choice < 0.45 || existing.length < 4) {
        const atCounty = random.next() < 0.25;
        const region = atCounty ? COUNTY : pick(TOWNSHIPS);
        const formation = atCounty ? 'JOINT' : pick(formations);
        const host = formation === 'STANDALONE' ? pick(inside(entities, region)) : null;
        const parents = existing.filter(
          (organization) =>
            organization.level === 'GENERAL_BRANCH' &&
            !organization.dissolved_on &&
            region.startsWith(organization.region_code),
        );
        await write(
          'organizations',
          `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
          {
            input: {
              name: `序列党组织${++serial}`,
              level: atCounty ? 'GENERAL_BRANCH' : 'BRANCH',
              formation,
              regionCode: region,
              parentId: !atCounty && parents.length && random.next() < 0.5 ? pick(parents).id : null,
              hostKind: host ? 'MARKET_ENTITY' : 'ASSOCIATION',
              hostId: host?.id ?? null,
              hostName: host ? null : '个私协会分会',
              establishedOn: date(),
            },
          },
        );
        return 'form';
      }
      const organization = pick(existing);
      if (choice < 0.65) {
        await write(
          'organizations',
          `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id } }`,
          { id: organization.id, on: date() },
        );
        return 'dissolve';
      }
      if (choice < 0.85) {
        await write(
          'organizations',
          `mutation($id: ID!, $on: LocalDate!) { reformPartyOrganization(id: $id, reformedOn: $on) { id } }`,
          { id: organization.id, on: date() },
        );
        return 'reform';
      }
      const parent = pick(existing.filter((candidate) => candidate.level === 'GENERAL_BRANCH'));
      await write(
        'organizations',
        `mutation($id: ID!, $p: ID, $on: LocalDate!) { moveOrganization(id: $id, parentId: $p, movedOn: $on) { id } }`,
        {
          id: organization.id,
          p: parent && random.next() < 0.8 ? parent.id : null,
          on: date(),
        },
      );
      return 'move';
    });
  }, 120_000);

  it('coverage: links begun, ended on their first day (withdrawn), ended and re-opened on one day', async () => {
    await sequence(24, async () => {
      const living = (await organizations()).filter((organization) => !organization.dissolved_on);
      const open = await rows<{ organization_id: string; entity_id: string; from_date: string }>(
        'organizations',
        `select organization_id, entity_id, to_char(from_date, 'YYYY-MM-DD') as from_date from coverage_link where to_date is null`,
      );
      if (open.length && random.next() < 0.45) {
        const link = pick(open);
        // Ended on its first day now and then: withdrawn. Then, as often, re-opened that same day.
        const on = random.next() < 0.3 ? link.from_date : date();
        const ended = await write(
          'organizations',
          `mutation($o: ID!, $e: ID!, $on: LocalDate!) { endCoverage(organizationId: $o, entityId: $e, endedOn: $on) { id } }`,
          {
            o: link.organization_id,
            e: link.entity_id,
            on,
          },
        );
        if (ended && random.next() < 0.5) {
          await write(
            'organizations',
            `mutation($o: ID!, $e: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: $on) { id } }`,
            {
              o: link.organization_id,
              e: [link.entity_id],
              on,
            },
          );
          return 'end and re-open on one day';
        }
        return 'end';
      }
      const organization = pick(living);
      const candidates = inside(entities, organization.region_code).filter(() => random.next() < 0.4);
      if (!candidates.length) return 'nothing to cover';
      await write(
        'organizations',
        `mutation($o: ID!, $e: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $o, entityIds: $e, fromDate: $on) { id } }`,
        {
          o: organization.id,
          e: candidates.map((entity) => entity.id),
          on: date(),
        },
      );
      return 'cover';
    });
  }, 120_000);

  it('party workers: appointed, assigned to entities and organizations, their service ended on the day it began', async () => {
    const kinds = ['INSTRUCTOR', 'LIAISON', 'FULL_TIME_ORGANIZER', 'SOCIAL_WORKER'];
    await sequence(20, async () => {
      const workers = await rows<{
        id: string;
        region_code: string;
        serving_from: string;
        serving_until: string | null;
      }>(
        'organizations',
        `select id, region_code, to_char(serving_from, 'YYYY-MM-DD') as serving_from, serving_until from party_worker`,
      );
      const choice = random.next();
      if (choice < 0.3 || workers.length < 2) {
        await write(
          'organizations',
          `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`,
          {
            input: {
              name: `序列指导员${++serial}`,
              kind: pick(kinds),
              regionCode: pick([COUNTY, ...TOWNSHIPS]),
              servingFrom: date(),
            },
          },
        );
        return 'appoint';
      }
      const worker = pick(workers);
      if (choice < 0.8) {
        const toEntity = random.next() < 0.75;
        const target = toEntity ? pick(inside(entities, worker.region_code)).id : pick(await organizations()).id;
        await write(
          'organizations',
          `mutation($w: ID!, $k: AssignmentTargetKind!, $t: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $w, targetKind: $k, targetId: $t, fromDate: $on) { id } }`,
          {
            w: worker.id,
            k: toEntity ? 'MARKET_ENTITY' : 'ORGANIZATION',
            t: target,
            on: random.next() < 0.3 ? worker.serving_from : date(),
          },
        );
        return 'assign';
      }
      await write(
        'organizations',
        `mutation($w: ID!, $on: LocalDate!) { endPartyWorkerService(workerId: $w, endedOn: $on) { id } }`,
        {
          w: worker.id,
          on: random.next() < 0.3 ? worker.serving_from : date(),
        },
      );
      return 'end service';
    });
  }, 120_000);

  it('committee posts: appointed, a secretary succeeded on the day of appointment, posts ended on their first day', async () => {
    const roles = ['SECRETARY', 'SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'];
    await sequence(20, async () => {
      const open = await rows<{ id: string; from_date: string }>(
        'organizations',
        `select id, to_char(from_date, 'YYYY-MM-DD') as from_date from organization_role where to_date is null`,
      );
      if (open.length && random.next() < 0.3) {
        const post = pick(open);
        await write(
          'organizations',
          `mutation($r: ID!, $on: LocalDate!) { endOrganizationRole(roleId: $r, endedOn: $on) { id } }`,
          {
            r: post.id,
            on: random.next() < 0.4 ? post.from_date : date(),
          },
        );
        return 'end post';
      }
      const organization = pick((await organizations()).filter((candidate) => !candidate.dissolved_on));
      const candidates = inside(members, organization.region_code);
      if (!candidates.length) return 'no member there';
      await write(
        'organizations',
        `mutation($o: ID!, $m: ID!, $role: OrganizationRoleKind!, $on: LocalDate!) { appointOrganizationRole(organizationId: $o, memberId: $m, role: $role, fromDate: $on) { id } }`,
        { o: organization.id, m: pick(candidates).id, role: pick(roles), on: date() },
      );
      return 'appoint post';
    });
  }, 120_000);

  it('organization life: members joined, moved twice on one day, left, re-joined', async () => {
    await sequence(24, async () => {
      const member = pick(members);
      const open = await rows<{ from_date: string }>(
        'organizations',
        `select to_char(from_date, 'YYYY-MM-DD') as from_date from life_membership where member_id = $1 and to_date is null`,
        [member.id],
      );
      if (open.length && random.next() < 0.3) {
        await write(
          'organizations',
          `mutation($m: ID!, $on: LocalDate!) { leaveOrganizationLife(memberId: $m, leftOn: $on) { id } }`,
          {
            m: member.id,
            on: random.next() < 0.4 ? open[0]!.from_date : date(),
          },
        );
        return 'leave';
      }
      const branches = (await organizations()).filter(
        (organization) => !organization.dissolved_on && member.regionCode.startsWith(organization.region_code),
      );
      if (!branches.length) return 'no branch there';
      // Half the time, the day the member joined their current branch: a second move that day.
      const on = open.length && random.next() < 0.5 ? open[0]!.from_date : date();
      await write(
        'organizations',
        `mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`,
        {
          m: member.id,
          o: pick(branches).id,
          on,
        },
      );
      return 'join or move';
    });
  }, 120_000);

  it('standing: meetings planned and held, venue checks and elections, on repeated and earlier days', async () => {
    const types = [
      'BRANCH_GENERAL_MEETING',
      'BRANCH_COMMITTEE_MEETING',
      'GROUP_MEETING',
      'PARTY_LECTURE',
      'THEMED_DAY',
    ];
    await sequence(24, async () => {
      const organization = pick(await organizations());
      const choice = random.next();
      if (choice < 0.55) {
        const present = inside(members, organization.region_code).filter(() => random.next() < 0.4);
        const planned = await rows<{ id: string }>(
          'organizations',
          `select id from meeting where organization_id = $1 and held_on is null`,
          [organization.id],
        );
        if (planned.length && random.next() < 0.4) {
          await write(
            'organizations',
            `mutation($id: ID!, $held: HeldMeetingInput!) { recordMeetingHeld(meetingId: $id, held: $held) { id } }`,
            {
              id: planned[0]!.id,
              held: { heldOn: date(), present: present.map((member) => member.id), absent: [] },
            },
          );
          return 'planned meeting held';
        }
        const onlyPlanned = random.next() < 0.2;
        await write('organizations', `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, {
          input: {
            organizationId: organization.id,
            type: pick(types),
            topic: `序列会议${++serial}`,
            ...(onlyPlanned
              ? { plannedOn: today() }
              : { held: { heldOn: date(), present: present.map((member) => member.id), absent: [] } }),
          },
        });
        return 'meeting';
      }
      if (choice < 0.8) {
        const all = random.next() < 0.5;
        await write(
          'organizations',
          `mutation($o: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $o, input: $input) { checkedOn } }`,
          {
            o: organization.id,
            input: {
              checkedOn: date(),
              place: true,
              facilities: true,
              sign: all,
              flag: true,
              booksAndPapers: all || random.next() < 0.5,
              rules: true,
            },
          },
        );
        return 'venue check';
      }
      await write(
        'organizations',
        `mutation($o: ID!, $on: LocalDate!) { recordElection(organizationId: $o, electedOn: $on) { id } }`,
        { o: organization.id, on: date() },
      );
      return 'election';
    });
  }, 120_000);

  it("registry's facts under it all: statuses, staff, member categories and departures, back-dated", async () => {
    await sequence(20, async () => {
      const choice = random.next();
      if (choice < 0.4) {
        await write(
          'registry',
          `mutation($id: ID!, $s: MarketEntityStatus!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: $s, effectiveOn: $on) { id } }`,
          {
            id: pick(entities).id,
            s: pick(['SUSPENDED', 'OPERATING', 'OPERATING', 'DEREGISTERED']),
            on: date(),
          },
        );
        return 'entity status';
      }
      if (choice < 0.6) {
        await write(
          'registry',
          `mutation($id: ID!, $n: Int!, $on: LocalDate!) { changeMarketEntityEmployees(id: $id, employees: $n, effectiveOn: $on) { id } }`,
          {
            id: pick(entities).id,
            n: random.integer(0, 120),
            on: date(),
          },
        );
        return 'entity staff';
      }
      if (choice < 0.9) {
        await write(
          'registry',
          `mutation($id: ID!, $c: MemberCategory!, $on: LocalDate!) { changeMemberCategory(id: $id, category: $c, effectiveOn: $on) { id } }`,
          {
            id: pick(members).id,
            c: pick(['FORMAL', 'PROBATIONARY']),
            on: date(),
          },
        );
        return 'member category';
      }
      await write(
        'registry',
        `mutation($id: ID!, $on: LocalDate!) { recordMemberDeparture(id: $id, status: MOVED_OUT, reason: "迁出", effectiveOn: $on) { id } }`,
        {
          id: pick(members).id,
          on: date(),
        },
      );
      return 'member departure';
    });
    // The sequences exercised the rules, not only the happy path: writes went through and writes were refused.
    expect(outcomes.accepted).toBeGreaterThan(80);
    expect([...outcomes.refused.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(10);
  }, 120_000);
});
