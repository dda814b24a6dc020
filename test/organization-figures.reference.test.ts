/**
 * Every organizations figure against a reference written apart from the serving path: plain
 * TypeScript over the raw rows of both subgraphs (registry's dated entity and member history,
 * organizations' organizations, links, workers, meetings, attendance, memberships, venue checks,
 * elections), after random writes on both sides — including registry changes back-dated under
 * existing coverage and members leaving the books — at province, city, county and township level,
 * live and as of past dates, for every denominator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphRoles, today } from '@xgz/kit';
import { executeGraphQL, resolveEntities, startTestSubgraphs, tokenFor, withConnection, type SqlClient, type SubgraphHarness } from '@xgz/testkit';
import { organizationsSubgraph } from '@xgz/organizations';
import { registrySubgraph, withCheckCharacter } from '@xgz/registry';
import { seededRandom } from '../scripts/src/seeded-random.js';

const random = seededRandom(20261125);
const DATES = ['2016-06-30', '2018-12-31', '2020-06-30', '2021-12-31', '2023-06-30', '2024-12-31'];
const KINDS = ['SMALL_MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'MARKET_OPERATOR'];
const FORMATIONS = ['STANDALONE', 'JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SENT_ORGANIZER', 'SECTOR_WIDE'];
const WORKER_KINDS = ['INSTRUCTOR', 'LIAISON', 'FULL_TIME_ORGANIZER', 'SOCIAL_WORKER'];
/** Workers whose assignment brings work coverage (WORK_COVERAGE_WORKER_KINDS, documented default). */
const WORK_COVERAGE_KINDS = ['INSTRUCTOR', 'LIAISON'];

let harness: SubgraphHarness;
let token: string;
let townships: string[] = [];
const entities: { id: string; regionCode: string; lastChange: string }[] = [];
const members: { id: string; lastChange: string; category: string; departed?: boolean }[] = [];
const MEETING_TYPES = ['BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEMED_DAY', 'ORGANIZATION_LIFE_MEETING'];
/** The default 三会一课 intervals in months (README, Configuration). */
const SCHEDULE: Record<string, number> = { BRANCH_GENERAL_MEETING: 3, BRANCH_COMMITTEE_MEETING: 1, GROUP_MEETING: 1, PARTY_LECTURE: 3 };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A random date from `from` (inclusive) to 2025-06-30. */
const dateFrom = (from: string) => addDays(from, random.integer(0, Math.max(0, (Date.parse('2025-06-30') - Date.parse(from)) / 86_400_000)));

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
      await call('registry', `mutation($id: ID!, $on: LocalDate!) { recordMemberDeparture(id: $id, status: MOVED_OUT, reason: "迁出", effectiveOn: $on) { id } }`, {
        id: member.id,
        on,
      });
      member.lastChange = on;
      member.departed = true;
    } else {
      const member = random.pick(members);
      if (member.departed) continue;
      const on = dateFrom(member.lastChange);
      const category = member.category === 'FORMAL' ? 'PROBATIONARY' : 'FORMAL';
      await call('registry', `mutation($id: ID!, $c: MemberCategory!, $on: LocalDate!) { changeMemberCategory(id: $id, category: $c, effectiveOn: $on) { id } }`, {
        id: member.id,
        c: category,
        on,
      });
      member.lastChange = on;
      member.category = category;
    }
  }
}

async function organizationWrites() {
  const organizations: { id: string; regionCode: string; lastChange: string; dissolved: boolean; established: string; latestRecord: string }[] = [];
  const open = new Map<string, string>(); // organization|entity → from
  for (let i = 0; i < 14; i++) {
    const township = random.pick(townships);
    const county = random.next() < 0.25;
    const regionCode = county ? township.slice(0, 6) : township;
    const inside = entities.filter((entity) => entity.regionCode.startsWith(regionCode));
    const formation = random.pick(FORMATIONS);
    const host = formation === 'STANDALONE' ? random.pick(inside) : null;
    const establishedOn = `${random.integer(2015, 2022)}-0${random.integer(1, 9)}-01`;
    const data = await call('organizations', `mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { organization { id } } }`, {
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
    });
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
    const covered = inside.filter((entity) => !open.has(`${organization.id}|${entity.id}`) && random.next() < 0.5).slice(0, 6);
    if (covered.length) {
      const fromDate = dateFrom(establishedOn);
      await call('organizations', `mutation($id: ID!, $ids: [ID!]!, $on: LocalDate!) { coverMarketEntities(organizationId: $id, entityIds: $ids, fromDate: $on) { id } }`, {
        id: organization.id,
        ids: covered.map((entity) => entity.id),
        on: fromDate,
      });
      for (const entity of covered) open.set(`${organization.id}|${entity.id}`, fromDate);
      if (fromDate > organization.latestRecord) organization.latestRecord = fromDate;
    }
  }
  for (const [key, from] of [...open].filter(() => random.next() < 0.3)) {
    const [organizationId, entityId] = key.split('|');
    await call('organizations', `mutation($o: ID!, $e: ID!, $on: LocalDate!) { endCoverage(organizationId: $o, entityId: $e, endedOn: $on) { id } }`, {
      o: organizationId,
      e: entityId,
      on: dateFrom(from),
    });
  }
  for (const organization of organizations.filter(() => random.next() < 0.4)) {
    // A dissolution comes after everything recorded against the organization (DISSOLUTION_BEFORE_RECORDS).
    const on = dateFrom(addDays(organization.latestRecord > organization.lastChange ? organization.latestRecord : organization.lastChange, 1));
    await call('organizations', `mutation($id: ID!, $on: LocalDate!) { dissolvePartyOrganization(id: $id, dissolvedOn: $on) { id } }`, { id: organization.id, on });
    organization.lastChange = on;
    if (random.next() < 0.5) {
      const again = dateFrom(on);
      await call('organizations', `mutation($id: ID!, $on: LocalDate!) { reformPartyOrganization(id: $id, reformedOn: $on) { id } }`, { id: organization.id, on: again });
    }
  }
  for (let i = 0; i < 6; i++) {
    const township = random.pick(townships);
    const servingFrom = `${random.integer(2015, 2021)}-03-01`;
    const worker = await call('organizations', `mutation($input: AppointPartyWorkerInput!) { appointPartyWorker(input: $input) { id } }`, {
      input: { name: `指导员${i}`, kind: random.pick(WORKER_KINDS), regionCode: township, servingFrom },
    });
    const id = worker.appointPartyWorker.id;
    let latest = servingFrom;
    for (const entity of entities.filter((candidate) => candidate.regionCode === township && random.next() < 0.5).slice(0, 3)) {
      const fromDate = dateFrom(servingFrom);
      latest = fromDate > latest ? fromDate : latest;
      await call(
        'organizations',
        `mutation($w: ID!, $t: ID!, $on: LocalDate!) { assignPartyWorker(workerId: $w, targetKind: MARKET_ENTITY, targetId: $t, fromDate: $on) { id } }`,
        { w: id, t: entity.id, on: fromDate },
      );
    }
    if (random.next() < 0.4)
      await call('organizations', `mutation($w: ID!, $on: LocalDate!) { endPartyWorkerService(workerId: $w, endedOn: $on) { id } }`, { w: id, on: dateFrom(latest) });
  }
  return organizations;
}

/** Tries a write that the random history may make invalid (a meeting on a day the organization was dissolved…): refusals change nothing. */
const attempt = (query: string, variables: Record<string, unknown>) => executeGraphQL(harness.subgraphs.organizations!.url, query, { token, variables });

/** Organization life on random dates: memberships and moves, meetings with attendance, venue checks, elections. */
async function lifeWrites(organizations: { id: string; regionCode: string; established: string }[]) {
  const onBooks = members.filter((member) => !member.departed);
  for (const member of onBooks.filter(() => random.next() < 0.7)) {
    const first = random.pick(organizations);
    const from = dateFrom(first.established);
    await attempt(`mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`, {
      m: member.id,
      o: first.id,
      on: from,
    });
    if (random.next() < 0.3) {
      const second = random.pick(organizations);
      await attempt(`mutation($m: ID!, $o: ID!, $on: LocalDate!) { joinOrganizationLife(memberId: $m, organizationId: $o, fromDate: $on) { id } }`, {
        m: member.id,
        o: second.id,
        on: dateFrom(from),
      });
    } else if (random.next() < 0.15) {
      await attempt(`mutation($m: ID!, $on: LocalDate!) { leaveOrganizationLife(memberId: $m, leftOn: $on) { id } }`, { m: member.id, on: dateFrom(from) });
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
      await attempt(`mutation($o: ID!, $input: VenueCheckInput!) { recordVenueCheck(organizationId: $o, input: $input) { checkedOn } }`, {
        o: organization.id,
        input: { checkedOn: dateFrom(organization.established), place: true, facilities: true, sign: all || random.next() < 0.5, flag: true, booksAndPapers: all, rules: true },
      });
    }
    if (random.next() < 0.5)
      await attempt(`mutation($o: ID!, $on: LocalDate!) { recordElection(organizationId: $o, electedOn: $on) { id } }`, {
        o: organization.id,
        on: dateFrom(organization.established),
      });
  }
}

beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph, organizationsSubgraph]);
  token = await tokenFor(harness.env, '33', ['admin']);
  const tree = await call('registry', `{ a: region(code: "330106") { children { code } } b: region(code: "330110") { children { code } } }`, {});
  townships = [...tree.a.children.slice(0, 3), ...tree.b.children.slice(0, 2)].map((child: { code: string }) => child.code);
  for (let i = 0; i < 40; i++) {
    const kind = random.pick(KINDS);
    const registeredOn = `${random.integer(2014, 2019)}-0${random.integer(1, 9)}-15`;
    const creditCode = kind === 'INDIVIDUAL_BUSINESS' ? null : withCheckCharacter(`91330106MA${String(i).padStart(7, '0')}`);
    const data = await call('registry', `mutation($input: RegisterMarketEntityInput!) { registerMarketEntity(input: $input) { id regionCode } }`, {
      input: { kind, name: `商户${i}`, creditCode, regionCode: random.pick(townships), registeredOn, employees: random.integer(0, 100) },
    });
    entities.push({ id: data.registerMarketEntity.id, regionCode: data.registerMarketEntity.regionCode, lastChange: registeredOn });
  }
  for (let i = 0; i < 90; i++) {
    const entity = random.pick(entities);
    const registeredOn = dateFrom(entity.lastChange);
    const category = random.next() < 0.7 ? 'FORMAL' : 'PROBATIONARY';
    const data = await call('registry', `mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }`, {
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
    });
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

interface Period<State> {
  from: string;
  to: string | null;
  state: State;
}

const during = (period: { from: string; to: string | null }, date: string) => period.from <= date && (period.to === null || date < period.to);

/** The raw rows both subgraphs hold, read as their owners. */
async function rawRows() {
  const owner = (name: string) => subgraphRoles(harness.database.adminUrl, name, harness.env.DB_ROLE_PASSWORD).ownerUrl;
  const periods = async (client: SqlClient, type: string) =>
    (
      await client.query<Period<Record<string, any>> & { id: string }>(
        `select subject_id as id, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", state
           from fact_version where subject_type = $1 and superseded_at is null`,
        [type],
      )
    ).rows;
  const registry = await withConnection(owner('registry'), async (client) => ({ entities: await periods(client, 'MarketEntity'), members: await periods(client, 'PartyMember') }));
  const organizations = await withConnection(owner('organizations'), async (client) => ({
    organizations: await periods(client, 'PartyOrganization'),
    links: (await client.query(`select organization_id, entity_id, to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from coverage_link`)).rows,
    assignments: (
      await client.query(
        `select a.target_id, w.kind, to_char(a.from_date, 'YYYY-MM-DD') as "from", to_char(a.to_date, 'YYYY-MM-DD') as "to"
           from worker_assignment a join party_worker w on w.id = a.worker_id where a.target_kind = 'MARKET_ENTITY'`,
      )
    ).rows,
    workers: (await client.query(`select kind, region_code, to_char(serving_from, 'YYYY-MM-DD') as "from", to_char(serving_until, 'YYYY-MM-DD') as "to" from party_worker`)).rows,
    held: (await client.query(`select organization_id, type, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting where held_on is not null`)).rows,
    attended: (await client.query(`select member_id, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting_attendance where present`)).rows,
    memberships: (await client.query(`select member_id, to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from life_membership`)).rows,
    venueChecks: (
      await client.query(
        `select organization_id, to_char(checked_on, 'YYYY-MM-DD') as checked_on, place and facilities and sign and flag and books_and_papers and rules as meets from venue_check`,
      )
    ).rows,
    elections: (await client.query(`select organization_id, to_char(elected_on, 'YYYY-MM-DD') as elected_on from organization_election`)).rows,
  }));
  return { ...registry, ...organizations };
}

type Raw = Awaited<ReturnType<typeof rawRows>>;

/** Calendar months later, clamped to the month's end (2021-01-31 + 1 → 2021-02-28), written apart from the kit's. */
function monthsLater(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}

/**
 * The first day of the unbroken run of periods (adjacent ones joined) that contains `date`. Each
 * step goes to a period that starts strictly earlier, so it ends within as many steps as there are
 * periods (a zero-length one is never a step).
 */
function runStart(periods: { from: string; to: string | null }[], date: string): string | null {
  let start = periods.find((period) => during(period, date))?.from;
  if (start === undefined) return null;
  for (let step = 0; step < periods.length; step++) {
    const from: string = start;
    const previous = periods.find((period) => period.to === from && period.from < from);
    if (!previous) break;
    start = previous.from;
  }
  return start;
}

/** Organization life on `date` in `region`: 三会一课 schedule, 六有, overdue terms, members out of organization life. */
function lifeReference(raw: Raw, region: string, date: string) {
  const result = { schedule: [0, 0], venue: [0, 0], overdue: [0, 0], out: [0, 0] };
  for (const period of raw.organizations) {
    if (!during(period, date) || !period.state.active || !period.state.regionCode.startsWith(region)) continue;
    const alivePeriods = raw.organizations.filter((other) => other.id === period.id && other.state.active);
    const start = runStart(alivePeriods, date)!;
    result.venue[1]!++;
    result.overdue[1]!++;
    if (period.state.level !== 'COMMITTEE') {
      result.schedule[1]!++;
      const held = raw.held.filter((meeting) => meeting.organization_id === period.id);
      const onSchedule = Object.entries(SCHEDULE).every(
        ([type, months]) =>
          date < monthsLater(start, months) || held.some((meeting) => meeting.type === type && meeting.held_on <= date && date < monthsLater(meeting.held_on, months)),
      );
      if (onSchedule) result.schedule[0]!++;
    }
    const check = raw.venueChecks
      .filter((row) => row.organization_id === period.id && row.checked_on <= date)
      .sort((a, b) => (a.checked_on < b.checked_on ? -1 : 1))
      .at(-1);
    if (check?.meets) result.venue[0]!++;
    const elected = raw.elections
      .filter((row) => row.organization_id === period.id && row.elected_on <= date)
      .map((row) => row.elected_on)
      .sort()
      .at(-1);
    if (elected && date >= monthsLater(elected, 12 * (period.state.level === 'COMMITTEE' ? 5 : 3))) result.overdue[0]!++;
  }
  for (const period of raw.members) {
    if (!during(period, date) || period.state.status !== 'ACTIVE' || period.state.findingState === 'FALSE_RECORD' || !period.state.regionCode.startsWith(region)) continue;
    const start = runStart(
      raw.memberships.filter((row) => row.member_id === period.id),
      date,
    );
    if (!start) continue;
    result.out[1]!++;
    const recent = raw.attended.some((row) => row.member_id === period.id && row.held_on <= date && date < monthsLater(row.held_on, 6));
    if (!recent && date >= monthsLater(start, 6)) result.out[0]!++;
  }
  return result;
}

/** The reference: each figure counted entity by entity, organization by organization, on `date`. */
function reference(raw: Raw, region: string, date: string, denominator: string) {
  const organizationOn = new Map<string, Record<string, any>>();
  for (const period of raw.organizations) if (during(period, date)) organizationOn.set(period.id, period.state);
  const count = { base: 0, own: 0, organization: 0, work: 0 };
  const byKind = new Map(KINDS.map((kind) => [kind, { base: 0, own: 0, organization: 0, work: 0 }]));
  let capable = 0;
  let capableWithOwn = 0;
  const capableWithoutOwnIds: string[] = [];
  for (const period of raw.entities) {
    if (!during(period, date) || period.state.status !== 'OPERATING' || !period.state.regionCode.startsWith(region)) continue;
    const formal = raw.members.filter(
      (member) =>
        member.state.entityId === period.id &&
        during(member, date) &&
        member.state.category === 'FORMAL' &&
        member.state.status === 'ACTIVE' &&
        member.state.findingState !== 'FALSE_RECORD',
    ).length;
    const formations = raw.links
      .filter((link) => link.entity_id === period.id && during(link, date) && organizationOn.get(link.organization_id)?.active)
      .map((link) => organizationOn.get(link.organization_id)!.formation);
    const own = formations.includes('STANDALONE');
    const organization = formations.length > 0; // attached counts (COVERAGE_COUNTS_ATTACHED defaults to true)
    const work =
      organization || raw.assignments.some((assignment) => assignment.target_id === period.id && WORK_COVERAGE_KINDS.includes(assignment.kind) && during(assignment, date));
    if (formal >= 3) {
      capable++;
      if (own) capableWithOwn++;
      else capableWithoutOwnIds.push(period.id);
    }
    const inDenominator =
      denominator === 'OPERATING' ||
      (denominator === 'ENTERPRISES' && period.state.kind !== 'INDIVIDUAL_BUSINESS') ||
      (denominator === 'STANDALONE_CAPABLE' && formal >= 3) ||
      (denominator === 'LARGE_STAFF' && (period.state.employees ?? 0) >= 50);
    if (!inDenominator) continue;
    for (const target of [count, byKind.get(period.state.kind)!]) {
      target.base++;
      if (own) target.own++;
      if (organization) target.organization++;
      if (work) target.work++;
    }
  }
  const rates = (c: typeof count) => ({ organizationCoverage: [c.organization, c.base], standaloneRate: [c.own, c.base], workCoverage: [c.work, c.base] });
  const alive = raw.organizations.filter((period) => during(period, date) && period.state.active && period.state.regionCode.startsWith(region));
  return {
    organizations: alive.length,
    byLevel: Object.fromEntries(['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'].map((level) => [level, alive.filter((o) => o.state.level === level).length])),
    byFormation: Object.fromEntries(FORMATIONS.map((formation) => [formation, alive.filter((o) => o.state.formation === formation).length])),
    coverage: rates(count),
    coverageByKind: Object.fromEntries([...byKind].filter(([kind]) => denominator !== 'ENTERPRISES' || kind !== 'INDIVIDUAL_BUSINESS').map(([kind, c]) => [kind, rates(c)])),
    standaloneCapableWithoutOwn: capable - capableWithOwn,
    standaloneCapableWithoutOwnIds: capableWithoutOwnIds.sort(),
    workers: Object.fromEntries(WORKER_KINDS.map((kind) => [kind, raw.workers.filter((w) => w.kind === kind && w.region_code.startsWith(region) && during(w, date)).length])),
    life: lifeReference(raw, region, date),
  };
}

const RATES = 'organizationCoverage { numerator denominator } standaloneRate { numerator denominator } workCoverage { numerator denominator }';
const FIGURES = `asOf organizations byLevel { level count } byFormation { formation count } coverage { ${RATES} } coverageByKind { kind ${RATES} } standaloneCapableWithoutOwn workers { kind count }
  meetingSchedule { numerator denominator } venueStandard { numerator denominator } termsOverdue { numerator denominator } membersOutOfLife { numerator denominator }`;

/** The served figures, reshaped like the reference. */
function served(figures: any) {
  const rates = (c: any) => ({
    organizationCoverage: [c.organizationCoverage.numerator, c.organizationCoverage.denominator],
    standaloneRate: [c.standaloneRate.numerator, c.standaloneRate.denominator],
    workCoverage: [c.workCoverage.numerator, c.workCoverage.denominator],
  });
  return {
    organizations: figures.organizations,
    byLevel: Object.fromEntries(figures.byLevel.map((row: any) => [row.level, row.count])),
    byFormation: Object.fromEntries(figures.byFormation.map((row: any) => [row.formation, row.count])),
    coverage: rates(figures.coverage),
    coverageByKind: Object.fromEntries(figures.coverageByKind.map((row: any) => [row.kind, rates(row)])),
    standaloneCapableWithoutOwn: figures.standaloneCapableWithoutOwn,
    workers: Object.fromEntries(figures.workers.map((row: any) => [row.kind, row.count])),
    life: {
      schedule: [figures.meetingSchedule.numerator, figures.meetingSchedule.denominator],
      venue: [figures.venueStandard.numerator, figures.venueStandard.denominator],
      overdue: [figures.termsOverdue.numerator, figures.termsOverdue.denominator],
      out: [figures.membersOutOfLife.numerator, figures.membersOutOfLife.denominator],
    },
  };
}

describe('organization figures against the reference', () => {
  it('agree at every level, live and as of past dates, for every denominator', async () => {
    const raw = await rawRows();
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
          expect(served(response.data._entities[index].organizationFigures), `${region} ${date} ${denominator}`).toEqual(expected);
          compared++;
          if (expected.coverage.organizationCoverage[0]! > 0 && expected.coverage.organizationCoverage[0]! < expected.coverage.organizationCoverage[1]!) nonTrivial++;
          for (const figure of ['schedule', 'venue', 'overdue', 'out'] as const) if (expected.life[figure][0]! > 0) lifeSeen[figure]++;
        }
      }
    }
    // The random history must exercise the figures, not compare zeros.
    expect(compared).toBe(4 * (DATES.length + 1) * regions.length);
    expect(nonTrivial).toBeGreaterThan(20);
    for (const figure of ['schedule', 'venue', 'overdue', 'out'] as const) expect(lifeSeen[figure], figure).toBeGreaterThan(10);
  });

  it('list the standalone-capable entities without their own organization that the figure counts, at every level and date', async () => {
    const raw = await rawRows();
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
        expect(list.edges.map((edge: any) => edge.node.entity.id).sort(), `${region} ${date}`).toEqual(expected.standaloneCapableWithoutOwnIds);
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
