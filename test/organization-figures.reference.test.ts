/**
 * Every organizations figure against a reference written apart from the serving path: plain
 * TypeScript over the raw rows of both subgraphs (registry's dated entity and member history,
 * organizations' organizations, links, workers, meetings, attendance, memberships, venue checks,
 * elections), after random writes on both sides — including registry changes back-dated under
 * existing coverage and members leaving the books — at province, city, county and township level,
 * live and as of past dates, for every denominator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '@xgz/kit';
import { executeGraphQL, resolveEntities, startTestSubgraphs, tokenFor, type SubgraphHarness } from '@xgz/testkit';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph, withCheckCharacter } from '@xgz/registry';
import { seededRandom } from '../scripts/src/seeded-random.js';
import {
  FIGURES,
  FORMATIONS,
  KINDS,
  MEETING_TYPES,
  rawRows,
  reference,
  served,
  WORKER_KINDS,
} from './reference/organization-figures.js';

const random = seededRandom(20261125);
const DATES = ['2016-06-30', '2018-12-31', '2020-06-30', '2021-12-31', '2023-06-30', '2024-12-31'];

let harness: SubgraphHarness;
let token: string;
let townships: string[] = [];
const entities: { id: string; regionCode: string; lastChange: string }[] = [];
const members: { id: string; lastChange: string; category: string; departed?: boolean }[] = [];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A random date from `from` (inclusive) to 2025-06-30. */
const dateFrom = (from: string) =>
  addDays(from, random.integer(0, Math.max(0, (Date.parse('2025-06-30') - Date.parse(from)) / 86_400_000)));

async function call(subgraph: 'registry' | 'organizations', query: string, variables: Record<string, unknown>) {
  const response = await executeGraphQL(harness.subgraphs[subgraph]!.url, query, { token, variables });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

async function registryWrites(count: number) {
  for (let i = 0; i < count; i++) {
    const entity = random.pick(entities);
    const choice = random.next();
    if (choice < 0.4) {
      const on = dateFrom(entity.lastChange);
      const data = await executeGraphQL(
        harness.subgraphs.registry!.url,
        `mutation($id: ID!, $s: MarketEntityStatus!, $on: LocalDate!) { changeMarketEntityStatus(id: $id, status: $s, effectiveOn: $on) { id } }`,
        {
          token,
          variables: { id: entity.id, s: random.pick(['OPERATING', 'SUSPENDED', 'SUSPENDED', 'DEREGISTERED']), on },
        },
      );
      if (!data.errors) entity.lastChange = on; // a move to the same status is refused; nothing changed then
    } else if (choice < 0.7) {
      const on = dateFrom(entity.lastChange);
      const data = await executeGraphQL(
        harness.subgraphs.registry!.url,
        `mutation($id: ID!, $n: Int!, $on: LocalDate!) { changeMarketEntityEmployees(id: $id, employees: $n, effectiveOn: $on) { id } }`,
        {
          token,
          variables: { id: entity.id, n: random.integer(0, 120), on },
        },
      );
      if (!data.errors) entity.lastChange = on; // refused for a deregistered entity
    } else if (choice < 0.78) {
      const member = random.pick(members);
      if (member.departed) continue;
      const on = dateFrom(member.lastChange);
      await call(
        'registry',
        `mutation($id: ID!, $on: LocalDate!) { recordMemberDeparture(id: $id, status: MOVED_OUT, reason: "迁出", effectiveOn: $on) { id } }`,
        {
          id: member.id,
          on,
        },
      );
      member.lastChange = on;
      member.departed = true;
    } else {
      const member = random.pick(members);
      if (member.departed) continue;
      const on = dateFrom(member.lastChange);
      const category = member.category === 'FORMAL' ? 'PROBATIONARY' : 'FORMAL';
      await call(
        'registry',
        `mutation($id: ID!, $c: MemberCategory!, $on: LocalDate!) { changeMemberCategory(id: $id, category: $c, effectiveOn: $on) { id } }`,
        {
          id: member.id,
          c: category,
          on,
        },
      );
      member.lastChange = on;
      member.category = category;
    }
  }
}

async function organizationWrites() {
  const organizations: {
    id: string;
    regionCode: string;
    lastChange: string;
    dissolved: boolean;
    established: string;
    latestRecord: string;
  }[] = [];
  const open = new Map<string, string>(); // organization|entity → from
  for (let i = 0; i < 14; i++) {
    const township = random.pick(townships);
    const county = random.next() < 0.25;
    const regionCode = county ? township.slice(0, 6) : township;
    const inside = entities.filter((entity) => entity.regionCode.startsWith(regionCode));
    const formation = random.pick(FORMATIONS);
    const host = formation === 'STANDALONE' ? random.pick(inside) : null;
    const establishedOn = `${random.integer(2015, 2022)}-0${random.integer(1, 9)}-01`;
    const data = await call(
      'organizations',
      `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`,
      {
        input: {
          name: `党组织${i}`,
          level: county ? random.pick(['COMMITTEE', 'GENERAL_BRANCH']) : 'BRANCH',
          formation,
          regionCode,
          hostKind: host ? 'MARKET_ENTITY' : 'ASSOCIATION',
          hostId: host?.id ?? null,
          hostName: host ? null : '个私协会分会',
          establishedOn,
        },
      },
    );
    const organization = {
      id: data.formPartyOrganization.organization.id,
      regionCode,
      lastChange: establishedOn,
      dissolved: false,
      established: establishedOn,
      latestRecord: establishedOn,
    };
    organizations.push(organization);
    if (host) open.set(`${organization.id}|${host.id}`, establishedOn);
    const covered = inside
      .filter((entity) => !open.has(`${organization.id}|${entity.id}`) && random.next() < 0.5)
      .slice(0, 6);
    if (covered.length) {
      const fromDate = dateFrom(establishedOn);
      await call(
        'organizations',
        `mutation($id: ID!, $ids: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: $on) { id } }`,
        {
          id: organization.id,
          ids: covered.map((entity) => entity.id),
          on: fromDate,
        },
      );
      for (const entity of covered) open.set(`${organization.id}|${entity.id}`, fromDate);
      if (fromDate > organization.latestRecord) organization.latestRecord = fromDate;
    }
  }
  for (const [key, from] of [...open].filter(() => random.next() < 0.3)) {
    const [organizationId, entityId] = key.split('|');
    await call(
      'organizations',
      `mutation($o: ID!, $e: ID!, $on: LocalDate!) { endCoverage(organizationId: $o, entityId: $e, endedOn: $on) { id } }`,
      {
        o: organizationId,
        e: entityId,
        on: dateFrom(from),
      },
    );
  }
  for (const organization of organizations.filter(() => random.next() < 0.4)) {
    // A dissolution comes after everything recorded against the organization (DISSOLUTION_BEFORE_RECORDS).
    const on = dateFrom(
      addDays(
        organization.latestRecord > organization.lastChange ? organization.latestRecord : organization.lastChange,
        1,
      ),
    );
    await call(
      'organizations',
      `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id } }`,
      { id: organization.id, on },
    );
    organization.lastChange = on;
    if (random.next() < 0.5) {
      const again = dateFrom(on);
      await call(
        'organizations',
        `mutation($id: ID!, $on: LocalDate!) { reformPartyOrganization(id: $id, reformedOn: $on) { id } }`,
        { id: organization.id, on: again },
      );
    }
  }
  for (let i = 0; i < 6; i++) {
    const township = random.pick(townships);
    const servingFrom = `${random.integer(2015, 2021)}-03-01`;
    const worker = await call(
      'organizations',
      `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`,
      {
        input: { name: `指导员${i}`, kind: random.pick(WORKER_KINDS), regionCode: township, servingFrom },
      },
    );
    const id = worker.appointPartyWorker.id;
    let latest = servingFrom;
    for (const entity of entities
      .filter((candidate) => candidate.regionCode === township && random.next() < 0.5)
      .slice(0, 3)) {
      const fromDate = dateFrom(servingFrom);
      latest = fromDate > latest ? fromDate : latest;
      await call(
        'organizations',
        `mutation($w: ID!, $t: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $t, fromDate: $on) { id } }`,
        { w: id, t: entity.id, on: fromDate },
      );
    }
    if (random.next() < 0.4)
      await call(
        'organizations',
        `mutation($w: ID!, $on: LocalDate!) { endPartyWorkerService(workerId: $w, endedOn: $on) { id } }`,
        { w: id, on: dateFrom(latest) },
      );
  }
  return organizations;
}

/** Tries a write that the random history may make invalid (a meeting on a day the organization was dissolved…): refusals change nothing. */
const attempt = (query: string, variables: Record<string, unknown>) =>
  executeGraphQL(harness.subgraphs.organizations!.url, query, { token, variables });

/** Organization life on random dates: memberships and moves, meetings with attendance, venue checks, elections. */
async function lifeWrites(organizations: { id: string; regionCode: string; established: string }[]) {
  const onBooks = members.filter((member) => !member.departed);
  for (const member of onBooks.filter(() => random.next() < 0.7)) {
    const first = random.pick(organizations);
    const from = dateFrom(first.established);
    await attempt(
      `mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`,
      {
        m: member.id,
        o: first.id,
        on: from,
      },
    );
    if (random.next() < 0.3) {
      const second = random.pick(organizations);
      await attempt(
        `mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`,
        {
          m: member.id,
          o: second.id,
          on: dateFrom(from),
        },
      );
    } else if (random.next() < 0.15) {
      await attempt(`mutation($m: ID!, $on: LocalDate!) { leaveOrganizationLife(memberId: $m, leftOn: $on) { id } }`, {
        m: member.id,
        on: dateFrom(from),
      });
    }
  }
  for (let i = 0; i < 160; i++) {
    const organization = random.pick(organizations);
    const heldOn = dateFrom(organization.established);
    const present = onBooks.filter(() => random.next() < 0.08).map((member) => member.id);
    const absent = onBooks
      .filter((member) => !present.includes(member.id) && random.next() < 0.03)
      .map((member) => ({ memberId: member.id, reason: random.pick(['ILLNESS', 'BUSINESS', 'UNEXCUSED']) }));
    await attempt(`mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`, {
      input: {
        organizationId: organization.id,
        type: random.next() < 0.8 ? random.pick(MEETING_TYPES.slice(0, 4)) : random.pick(MEETING_TYPES),
        topic: `会议${i}`,
        held: { heldOn, present, absent },
      },
    });
  }
  for (const organization of organizations.filter(() => random.next() < 0.6)) {
    for (let i = 0; i < random.integer(1, 2); i++) {
      const all = random.next() < 0.6;
      await attempt(
        `mutation($o: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $o, input: $input) { checkedOn } }`,
        {
          o: organization.id,
          input: {
            checkedOn: dateFrom(organization.established),
            place: true,
            facilities: true,
            sign: all || random.next() < 0.5,
            flag: true,
            booksAndPapers: all,
            rules: true,
          },
        },
      );
    }
    if (random.next() < 0.5)
      await attempt(
        `mutation($o: ID!, $on: LocalDate!) { recordElection(organizationId: $o, electedOn: $on) { id } }`,
        {
          o: organization.id,
          on: dateFrom(organization.established),
        },
      );
  }
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph]);
  token = await tokenFor(harness.env, '33', ['admin']);
  const tree = await call(
    'registry',
    `{ a: region(code: "330106") { children { code } } b: region(code: "330110") { children { code } } }`,
    {},
  );
  townships = [...tree.a.children.slice(0, 3), ...tree.b.children.slice(0, 2)].map(
    (child: { code: string }) => child.code,
  );
  for (let i = 0; i < 40; i++) {
    const kind = random.pick(KINDS);
    const registeredOn = `${random.integer(2014, 2019)}-0${random.integer(1, 9)}-15`;
    const creditCode =
      kind === 'INDIVIDUAL_BUSINESS' ? null : withCheckCharacter(`91330106MA${String(i).padStart(7, '0')}`);
    const data = await call(
      'registry',
      `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id regionCode } }`,
      {
        input: {
          kind,
          name: `商户${i}`,
          creditCode,
          regionCode: random.pick(townships),
          registeredOn,
          employees: random.integer(0, 100),
        },
      },
    );
    entities.push({
      id: data.registerMarketEntity.id,
      regionCode: data.registerMarketEntity.regionCode,
      lastChange: registeredOn,
    });
  }
  for (let i = 0; i < 90; i++) {
    const entity = random.pick(entities);
    const registeredOn = dateFrom(entity.lastChange);
    const category = random.next() < 0.7 ? 'FORMAL' : 'PROBATIONARY';
    const data = await call(
      'registry',
      `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`,
      {
        input: {
          entityId: entity.id,
          name: `党员${i}`,
          isOwner: false,
          category,
          distribution: 'INDIVIDUAL_BUSINESS',
          relationshipType: 'AFFILIATED',
          foundVia: 'PHONE',
          registeredOn,
        },
      },
    );
    members.push({ id: data.registerPartyMember.id, lastChange: registeredOn, category });
  }
  await registryWrites(30);
  const organizations = await organizationWrites();
  await harness.subgraphs.organizations!.feeds[0]!.caughtUp();
  await lifeWrites(organizations);
  // Back-dated and later registry changes under the coverage just recorded.
  await registryWrites(40);
  await harness.subgraphs.organizations!.feeds[0]!.caughtUp();
}, 240_000);

afterAll(() => harness?.stop());

describe('organization figures against the reference', () => {
  it('agree at every level, live and as of past dates, for every denominator', async () => {
    const raw = await rawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const regions = ['33', '3301', ...new Set(townships.map((code) => code.slice(0, 6))), ...townships];
    let compared = 0;
    let nonTrivial = 0;
    const lifeSeen = { schedule: 0, venue: 0, overdue: 0, out: 0 };
    for (const denominator of ['OPERATING', 'ENTERPRISES', 'STANDALONE_CAPABLE', 'LARGE_STAFF']) {
      for (const date of [...DATES, today()]) {
        const response = await resolveEntities(
          harness.subgraphs.organizations!.url,
          token,
          regions.map((code) => ({ __typename: 'Region', code })),
          `... on Region { code organizationFigures(asOf: "${date}", denominator: ${denominator}) { ${FIGURES} } }`,
        );
        expect(response.errors).toBeUndefined();
        for (const [index, region] of regions.entries()) {
          // The list itself is compared in the next test.
          const { standaloneCapableWithoutOwnIds: _listed, ...expected } = reference(raw, region, date, denominator);
          expect(
            served(response.data._entities[index].organizationFigures),
            `${region} ${date} ${denominator}`,
          ).toEqual(expected);
          compared++;
          if (
            expected.coverage.organizationCoverage[0]! > 0 &&
            expected.coverage.organizationCoverage[0]! < expected.coverage.organizationCoverage[1]!
          )
            nonTrivial++;
          for (const figure of ['schedule', 'venue', 'overdue', 'out'] as const)
            if (expected.life[figure][0]! > 0) lifeSeen[figure]++;
        }
      }
    }
    // The random history must exercise the figures, not compare zeros.
    expect(compared).toBe(4 * (DATES.length + 1) * regions.length);
    expect(nonTrivial).toBeGreaterThan(20);
    for (const figure of ['schedule', 'venue', 'overdue', 'out'] as const)
      expect(lifeSeen[figure], figure).toBeGreaterThan(10);
  });

  it('list the standalone-capable entities without their own organization that the figure counts, at every level and date', async () => {
    const raw = await rawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const regions = ['33', '3301', ...new Set(townships.map((code) => code.slice(0, 6))), ...townships];
    let listed = 0;
    for (const date of [...DATES, today()]) {
      for (const region of regions) {
        const data = await call(
          'organizations',
          `query($code: String, $asOf: LocalDate) { standaloneCapableWithoutOrganization(regionCode: $code, asOf: $asOf, first: 200) { totalCount edges { node { entity { id } coverage } } } }`,
          {
            code: region,
            asOf: date,
          },
        );
        const list = data.standaloneCapableWithoutOrganization;
        const expected = reference(raw, region, date, 'OPERATING');
        expect(list.totalCount, `${region} ${date}`).toBe(expected.standaloneCapableWithoutOwn);
        expect(list.edges.map((edge: any) => edge.node.entity.id).sort(), `${region} ${date}`).toEqual(
          expected.standaloneCapableWithoutOwnIds,
        );
        for (const edge of list.edges) expect(edge.node.coverage).not.toBe('OWN');
        listed += list.totalCount;
      }
    }
    expect(listed).toBeGreaterThan(0);
    // Paged three at a time, the province's list today is the same list.
    const whole = reference(raw, '33', today(), 'OPERATING').standaloneCapableWithoutOwnIds;
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (
        await call(
          'organizations',
          `query($after: String) { standaloneCapableWithoutOrganization(regionCode: "33", first: 3, after: $after) { totalCount edges { node { entity { id } } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        )
      ).standaloneCapableWithoutOrganization;
      expect(page.totalCount).toBe(whole.length);
      paged.push(...page.edges.map((edge: any) => edge.node.entity.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(whole.length).toBeGreaterThan(3);
    expect(paged).toEqual(whole);
  });
});
