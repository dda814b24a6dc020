/**
 * The organizations figures computed apart from the serving path: plain TypeScript over the raw
 * rows of both subgraphs (registry's dated entity and member history, organizations' organizations,
 * links, workers, meetings, attendance, memberships, venue checks, elections), read as their owners,
 * entity by entity and organization by organization — the definitions of DOMAIN.md, written again.
 * Compared with what the service serves by the reference test and the per-aggregate sequences.
 */
import { subgraphRoles } from '@xgz/kit';
import { withConnection, type SqlClient } from '@xgz/testkit';

export const KINDS = ['SMALL_MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'MARKET_OPERATOR'];
export const FORMATIONS = ['STANDALONE', 'JOINT', 'ATTACHED', 'REGIONAL_JOINT', 'SENT_ORGANIZER', 'SECTOR_WIDE'];
export const WORKER_KINDS = ['INSTRUCTOR', 'LIAISON', 'FULL_TIME_ORGANIZER', 'SOCIAL_WORKER'];
export const WORK_COVERAGE_KINDS = ['INSTRUCTOR', 'LIAISON'];
export const MEETING_TYPES = [
  'BRANCH_GENERAL_MEETING',
  'BRANCH_COMMITTEE_MEETING',
  'GROUP_MEETING',
  'PARTY_LECTURE',
  'THEMED_DAY',
  'ORGANIZATION_LIFE_MEETING',
];
export const SCHEDULE: Record<string, number> = {
  BRANCH_GENERAL_MEETING: 3,
  BRANCH_COMMITTEE_MEETING: 1,
  GROUP_MEETING: 1,
  PARTY_LECTURE: 3,
};

interface Period<State> {
  from: string;
  to: string | null;
  state: State;
}

const during = (period: { from: string; to: string | null }, date: string) =>
  period.from <= date && (period.to === null || date < period.to);

/** The raw rows both subgraphs hold, read as their owners. */
export async function rawRows(adminUrl: string, rolePassword: string) {
  const owner = (name: string) => subgraphRoles(adminUrl, name, rolePassword).ownerUrl;
  const periods = async (client: SqlClient, type: string) =>
    (
      await client.query<Period<Record<string, any>> & { id: string }>(
        `select subject_id as id, to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", state
           from fact_version where subject_type = $1 and superseded_at is null`,
        [type],
      )
    ).rows;
  const registry = await withConnection(owner('registry'), async (client) => ({
    entities: await periods(client, 'MarketEntity'),
    members: await periods(client, 'PartyMember'),
  }));
  const organizations = await withConnection(owner('organizations'), async (client) => ({
    organizations: await periods(client, 'PartyOrganization'),
    links: (
      await client.query(
        `select organization_id, entity_id, to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from coverage_link`,
      )
    ).rows,
    assignments: (
      await client.query(
        `select a.target_id, w.kind, to_char(a.from_date, 'YYYY-MM-DD') as "from", to_char(a.to_date, 'YYYY-MM-DD') as "to"
           from worker_assignment a join party_worker w on w.id = a.worker_id where a.target_kind = 'MARKET_ENTITY'`,
      )
    ).rows,
    workers: (
      await client.query(
        `select kind, region_code, to_char(serving_from, 'YYYY-MM-DD') as "from", to_char(serving_until, 'YYYY-MM-DD') as "to" from party_worker`,
      )
    ).rows,
    held: (
      await client.query(
        `select organization_id, type, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting where held_on is not null`,
      )
    ).rows,
    attended: (
      await client.query(
        `select member_id, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting_attendance where present`,
      )
    ).rows,
    memberships: (
      await client.query(
        `select member_id, to_char(from_date, 'YYYY-MM-DD') as "from", to_char(to_date, 'YYYY-MM-DD') as "to" from life_membership`,
      )
    ).rows,
    venueChecks: (
      await client.query(
        `select organization_id, to_char(checked_on, 'YYYY-MM-DD') as checked_on, place and facilities and sign and flag and books_and_papers and rules as meets from venue_check`,
      )
    ).rows,
    elections: (
      await client.query(
        `select organization_id, to_char(elected_on, 'YYYY-MM-DD') as elected_on from organization_election`,
      )
    ).rows,
  }));
  return { ...registry, ...organizations };
}

export type Raw = Awaited<ReturnType<typeof rawRows>>;

/** Calendar months later, clamped to the month's end (2021-01-31 + 1 → 2021-02-28), written apart from the kit's. */
function monthsLater(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
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
          date < monthsLater(start, months) ||
          held.some(
            (meeting) =>
              meeting.type === type && meeting.held_on <= date && date < monthsLater(meeting.held_on, months),
          ),
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
    if (elected && date >= monthsLater(elected, 12 * (period.state.level === 'COMMITTEE' ? 5 : 3)))
      result.overdue[0]!++;
  }
  for (const period of raw.members) {
    if (
      !during(period, date) ||
      period.state.status !== 'ACTIVE' ||
      period.state.findingState === 'FALSE_RECORD' ||
      !period.state.regionCode.startsWith(region)
    )
      continue;
    const start = runStart(
      raw.memberships.filter((row) => row.member_id === period.id),
      date,
    );
    if (!start) continue;
    result.out[1]!++;
    const recent = raw.attended.some(
      (row) => row.member_id === period.id && row.held_on <= date && date < monthsLater(row.held_on, 6),
    );
    if (!recent && date >= monthsLater(start, 6)) result.out[0]!++;
  }
  return result;
}

/** The reference: each figure counted entity by entity, organization by organization, on `date`. */
export function reference(raw: Raw, region: string, date: string, denominator: string) {
  const organizationOn = new Map<string, Record<string, any>>();
  for (const period of raw.organizations) if (during(period, date)) organizationOn.set(period.id, period.state);
  const count = { base: 0, own: 0, organization: 0, work: 0 };
  const byKind = new Map(KINDS.map((kind) => [kind, { base: 0, own: 0, organization: 0, work: 0 }]));
  let capable = 0;
  let capableWithOwn = 0;
  const capableWithoutOwnIds: string[] = [];
  for (const period of raw.entities) {
    if (!during(period, date) || period.state.status !== 'OPERATING' || !period.state.regionCode.startsWith(region))
      continue;
    const formal = raw.members.filter(
      (member) =>
        member.state.entityId === period.id &&
        during(member, date) &&
        member.state.category === 'FORMAL' &&
        member.state.status === 'ACTIVE' &&
        member.state.findingState !== 'FALSE_RECORD',
    ).length;
    const formations = raw.links
      .filter(
        (link) =>
          link.entity_id === period.id && during(link, date) && organizationOn.get(link.organization_id)?.active,
      )
      .map((link) => organizationOn.get(link.organization_id)!.formation);
    const own = formations.includes('STANDALONE');
    const organization = formations.length > 0; // attached counts (COVERAGE_COUNTS_ATTACHED defaults to true)
    const work =
      organization ||
      raw.assignments.some(
        (assignment) =>
          assignment.target_id === period.id &&
          WORK_COVERAGE_KINDS.includes(assignment.kind) &&
          during(assignment, date),
      );
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
  const rates = (c: typeof count) => ({
    organizationCoverage: [c.organization, c.base],
    standaloneRate: [c.own, c.base],
    workCoverage: [c.work, c.base],
  });
  const alive = raw.organizations.filter(
    (period) => during(period, date) && period.state.active && period.state.regionCode.startsWith(region),
  );
  return {
    organizations: alive.length,
    byLevel: Object.fromEntries(
      ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'].map((level) => [
        level,
        alive.filter((o) => o.state.level === level).length,
      ]),
    ),
    byFormation: Object.fromEntries(
      FORMATIONS.map((formation) => [formation, alive.filter((o) => o.state.formation === formation).length]),
    ),
    coverage: rates(count),
    coverageByKind: Object.fromEntries(
      [...byKind]
        .filter(([kind]) => denominator !== 'ENTERPRISES' || kind !== 'INDIVIDUAL_BUSINESS')
        .map(([kind, c]) => [kind, rates(c)]),
    ),
    standaloneCapableWithoutOwn: capable - capableWithOwn,
    standaloneCapableWithoutOwnIds: capableWithoutOwnIds.sort(),
    workers: Object.fromEntries(
      WORKER_KINDS.map((kind) => [
        kind,
        raw.workers.filter((w) => w.kind === kind && w.region_code.startsWith(region) && during(w, date)).length,
      ]),
    ),
    life: lifeReference(raw, region, date),
  };
}

const RATES =
  'organizationCoverage { numerator denominator } standaloneRate { numerator denominator } workCoverage { numerator denominator }';
export const FIGURES = `asOf organizations byLevel { level count } byFormation { formation count } coverage { ${RATES} } coverageByKind { kind ${RATES} } standaloneCapableWithoutOwn workers { kind count }
  meetingSchedule { numerator denominator } venueStandard { numerator denominator } termsOverdue { numerator denominator } membersOutOfLife { numerator denominator }`;

/** The served figures, reshaped like the reference. */
export function served(figures: any) {
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
