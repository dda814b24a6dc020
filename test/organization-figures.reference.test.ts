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

/** An organization figure from the reference's figures: the count, or numerator ÷ denominator (null over 0). */
function referenceFigure(figures: ReturnType<typeof reference>, figure: string): number | null {
  const rate = ([numerator, denominator]: number[]) => (denominator === 0 ? null : numerator! / denominator!);
  switch (figure) {
    case 'ORGANIZATIONS':
      return figures.organizations;
    case 'ORGANIZATION_COVERAGE':
      return rate(figures.coverage.organizationCoverage);
    case 'STANDALONE_RATE':
      return rate(figures.coverage.standaloneRate);
    case 'WORK_COVERAGE':
      return rate(figures.coverage.workCoverage);
    case 'STANDALONE_CAPABLE_WITHOUT_OWN':
      return figures.standaloneCapableWithoutOwn;
    case 'MEETING_SCHEDULE':
      return rate(figures.life.schedule);
    case 'VENUE_STANDARD':
      return rate(figures.life.venue);
    case 'TERMS_OVERDUE':
      return rate(figures.life.overdue);
    default:
      return rate(figures.life.out);
  }
}

const RANKED_FIGURES = [
  'ORGANIZATIONS',
  'ORGANIZATION_COVERAGE',
  'STANDALONE_RATE',
  'WORK_COVERAGE',
  'STANDALONE_CAPABLE_WITHOUT_OWN',
  'MEETING_SCHEDULE',
  'VENUE_STANDARD',
  'TERMS_OVERDUE',
  'MEMBERS_OUT_OF_LIFE',
];

/** The reference ranking: by value (nulls last, then code order); a rank is 1 + how many rank strictly before. */
function referenceRanking(values: { code: string; value: number | null }[], order: 'DESC' | 'ASC') {
  const better = (a: number | null, b: number | null) =>
    a !== null && (b === null || (order === 'DESC' ? a > b : a < b));
  return values
    .map(({ code, value }) => ({
      region: { code },
      rank: 1 + values.filter((other) => better(other.value, value)).length,
      value,
    }))
    .sort((a, b) => a.rank - b.rank || (a.region.code < b.region.code ? -1 : 1));
}

/** The start of a change ending on `to`, written out by hand: a year before (Feb 29 → Feb 28), or the last June 30. */
function referenceBase(base: 'YEAR_ON_YEAR' | 'SINCE_LAST_JUNE_30', to: string): string {
  const year = Number(to.slice(0, 4));
  if (base === 'SINCE_LAST_JUNE_30') return to.slice(5) > '06-30' ? `${year}-06-30` : `${year - 1}-06-30`;
  const day = to.slice(5) === '02-29' ? '02-28' : to.slice(5);
  return `${year - 1}-${day}`;
}

describe('regions ranked and compared against the reference', () => {
  it('rank the regions under a province, city and county by every figure, live and as of past dates, both ways', async () => {
    const raw = await rawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const county = townships[0]!.slice(0, 6);
    let ranked = 0;
    let spread = 0;
    for (const parent of ['33', '3301', county, townships[0]!]) {
      // The children as registry's region tree has them, not as the kit finds them; figures are kept
      // down to townships, so a township ranks nothing under it.
      const children: string[] =
        parent.length === 9
          ? []
          : (await call('registry', 'query($p: ID) { regions(parentCode: $p) { code } }', { p: parent })).regions.map(
              (region: { code: string }) => region.code,
            );
      for (const date of [DATES[1]!, DATES[4]!, today()]) {
        const order = ranked % 2 === 0 ? 'DESC' : 'ASC';
        const fields = RANKED_FIGURES.map(
          (figure) =>
            `${figure}: organizationRanking(by: ${figure}, asOf: "${date}", order: ${order}) { region { code } rank value }`,
        ).join(' ');
        const response = await resolveEntities(
          harness.subgraphs.organizations!.url,
          token,
          [{ __typename: 'Region', code: parent }],
          `... on Region { ${fields} }`,
        );
        expect(response.errors).toBeUndefined();
        for (const figure of RANKED_FIGURES) {
          const expected = referenceRanking(
            children.map((code) => ({ code, value: referenceFigure(reference(raw, code, date, 'OPERATING'), figure) })),
            order,
          );
          expect(response.data._entities[0][figure], `${parent} ${date} ${figure} ${order}`).toEqual(expected);
          ranked++;
          if (new Set(expected.map((row) => row.rank)).size > 2) spread++;
        }
      }
    }
    expect(ranked).toBe(4 * 3 * RANKED_FIGURES.length);
    // Rankings with at least three places: the history must order the regions, not tie them all.
    expect(spread).toBeGreaterThan(10);
  });

  it('rank every county of the province, and every township of a city, when a level is named', async () => {
    const raw = await rawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    for (const [parent, level] of [
      ['33', 'COUNTY'],
      ['3301', 'TOWNSHIP'],
    ] as const) {
      // The counties as registry's tree has them (the townships are checked one by one below).
      const codes: string[] =
        level === 'COUNTY'
          ? (
              await call('registry', 'query($p: ID) { regions(parentCode: $p, level: COUNTY) { code } }', { p: parent })
            ).regions.map((region: { code: string }) => region.code)
          : [];
      const response = await resolveEntities(
        harness.subgraphs.organizations!.url,
        token,
        [{ __typename: 'Region', code: parent }],
        `... on Region { organizationRanking(by: ORGANIZATION_COVERAGE, asOf: "${DATES[4]}", level: ${level}) { region { code } rank value } }`,
      );
      expect(response.errors).toBeUndefined();
      const ranking = response.data._entities[0].organizationRanking;
      if (level === 'COUNTY') {
        expect(ranking).toEqual(
          referenceRanking(
            codes.map((code) => ({
              code,
              value: referenceFigure(reference(raw, code, DATES[4]!, 'OPERATING'), 'ORGANIZATION_COVERAGE'),
            })),
            'DESC',
          ),
        );
        expect(ranking).toHaveLength(90);
      } else {
        // Every township of 杭州, those with figures among them, each ranked as the reference says.
        expect(ranking.every((row: { region: { code: string } }) => row.region.code.length === 9)).toBe(true);
        for (const township of townships) {
          const row = ranking.find((candidate: { region: { code: string } }) => candidate.region.code === township);
          expect(row?.value, township).toBe(
            referenceFigure(reference(raw, township, DATES[4]!, 'OPERATING'), 'ORGANIZATION_COVERAGE'),
          );
        }
      }
    }
  });

  it('give a figure’s change between two dates at every level: between report dates, year on year, since the last June 30', async () => {
    const raw = await rawRows(harness.database.adminUrl, harness.env.DB_ROLE_PASSWORD);
    const regions = ['33', '3301', townships[0]!.slice(0, 6), ...townships.slice(0, 3)];
    const spans: { args: string; from: string; to: string }[] = [
      ...DATES.slice(1).map((to, index) => ({ args: `from: "${DATES[index]}", to: "${to}"`, from: DATES[index]!, to })),
      { args: `to: "${DATES[5]}", base: YEAR_ON_YEAR`, from: referenceBase('YEAR_ON_YEAR', DATES[5]!), to: DATES[5]! },
      { args: '', from: referenceBase('YEAR_ON_YEAR', today()), to: today() },
      { args: 'base: SINCE_LAST_JUNE_30', from: referenceBase('SINCE_LAST_JUNE_30', today()), to: today() },
    ];
    let changed = 0;
    for (const span of spans) {
      const fields = RANKED_FIGURES.map(
        (figure) =>
          `${figure}: organizationFigureChange(figure: ${figure}${span.args ? `, ${span.args}` : ''}) { from to fromValue toValue absolute relative }`,
      ).join(' ');
      const response = await resolveEntities(
        harness.subgraphs.organizations!.url,
        token,
        regions.map((code) => ({ __typename: 'Region', code })),
        `... on Region { ${fields} }`,
      );
      expect(response.errors).toBeUndefined();
      for (const [index, region] of regions.entries()) {
        for (const figure of RANKED_FIGURES) {
          const fromValue = referenceFigure(reference(raw, region, span.from, 'OPERATING'), figure);
          const toValue = referenceFigure(reference(raw, region, span.to, 'OPERATING'), figure);
          const absolute = fromValue === null || toValue === null ? null : toValue - fromValue;
          const relative = absolute === null || fromValue === 0 ? null : absolute / Math.abs(fromValue!);
          expect(response.data._entities[index][figure], `${region} ${span.from}→${span.to} ${figure}`).toEqual({
            from: span.from,
            to: span.to,
            fromValue,
            toValue,
            absolute,
            relative,
          });
          if (absolute) changed++;
        }
      }
    }
    // The random history must move the figures, not compare zeros.
    expect(changed).toBeGreaterThan(50);
  });

  it('refuse a ranking or a change outside the viewer’s region, a reversed span and a future date, coded', async () => {
    const elsewhere = await tokenFor(harness.env, '3302', ['analyst']);
    const ask = (code: string, field: string, as = token) =>
      executeGraphQL(
        harness.subgraphs.organizations!.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${field} } } }`,
        {
          token: as,
          variables: { r: [{ __typename: 'Region', code }] },
        },
      );
    const codes = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
      (answer.errors ?? []).map((error) => error.extensions?.code);
    expect(codes(await ask('3301', 'organizationRanking(by: ORGANIZATIONS) { rank }', elsewhere))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await ask('33', 'organizationRanking(by: ORGANIZATIONS) { rank }', elsewhere))).toEqual(['FORBIDDEN']);
    expect(codes(await ask('3301', 'organizationFigureChange(figure: ORGANIZATIONS) { absolute }', elsewhere))).toEqual(
      ['FORBIDDEN'],
    );
    expect(
      codes(
        await ask(
          '3301',
          'organizationFigureChange(figure: ORGANIZATIONS, from: "2024-12-31", to: "2020-06-30") { absolute }',
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await ask('3301', 'organizationFigureChange(figure: ORGANIZATIONS, to: "2999-01-01") { absolute }')),
    ).toEqual(['BAD_USER_INPUT']);
    // A viewer of 3302 ranks what is under 3302 (its counties), every figure 0 or null there.
    const own = await ask('3302', 'organizationRanking(by: ORGANIZATIONS) { region { code } rank value }', elsewhere);
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0].organizationRanking.every((row: { rank: number }) => row.rank === 1)).toBe(true);
  });
});
