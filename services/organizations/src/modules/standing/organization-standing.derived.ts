import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, latestOnOrBefore, runContaining, type DerivedFactDefinition } from '@xgz/kit';
import type { AlivePeriod } from '../organization-record/alive-periods.js';
import { alivePeriodsOf } from '../organization-record/alive-periods.js';
import { MeetingType } from './meeting-kind.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';
import { PartyOrganizationEntity } from '../organization-record/party-organization.entity.js';
import { termEndsOn, termYears } from './term-of-office.js';
import { keepsMeetingSchedule, meetingOnSchedule, scheduleMonths } from './meeting-schedule.js';

export interface OrganizationStandingInputs {
  regionCode: string;
  level: OrganizationLevel;
  alive: AlivePeriod[];
  held: { type: MeetingType; heldOn: string }[];
  venueChecks: { checkedOn: string; meets: boolean }[];
  elections: string[];
}

/** How a living organization stands on a date: 三会一课 on schedule, "六有" venue, term. */
export interface OrganizationStandingState extends Record<string, unknown> {
  regionCode: string;
  keepsSchedule: boolean;
  onSchedule: boolean;
  venueMeets: boolean;
  termOverdue: boolean;
}

export const standingMetrics = {
  /** Living organizations (the base of the venue and term figures). */
  base: 'standing.base',
  scheduleBase: 'standing.schedule.base',
  scheduleMet: 'standing.schedule.met',
  venueMet: 'standing.venue.met',
  termOverdue: 'standing.term.overdue',
  all(): string[] {
    return [this.base, this.scheduleBase, this.scheduleMet, this.venueMet, this.termOverdue];
  },
};

/**
 * An organization's standing as a derived dated fact: it changes on the days a meeting is held or
 * falls out of its window, a venue check is recorded, a term expires or a new committee is elected,
 * and the organization dissolves or re-forms. A dissolved organization has no standing.
 */
export const organizationStandingFacts: DerivedFactDefinition<OrganizationStandingInputs, OrganizationStandingState> = {
  subjectType: 'OrganizationStanding',
  // A getter: the rule follows settings bound when the subgraph starts.
  get revision() {
    return `standing-1;schedule=${[...scheduleMonths()].map(([type, months]) => `${type}:${months}`).join(',')};terms=${termYears(OrganizationLevel.COMMITTEE)},${termYears(OrganizationLevel.BRANCH)}`;
  },
  subjects: { from: 'party_organization', key: 'id' },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => {
    const metrics = [standingMetrics.base];
    if (state.keepsSchedule) metrics.push(standingMetrics.scheduleBase);
    if (state.keepsSchedule && state.onSchedule) metrics.push(standingMetrics.scheduleMet);
    if (state.venueMeets) metrics.push(standingMetrics.venueMet);
    if (state.termOverdue) metrics.push(standingMetrics.termOverdue);
    return metrics;
  },
  breakpoints: (inputs) => {
    const months = [...scheduleMonths().values()];
    const dates: string[] = [];
    for (const period of inputs.alive) {
      dates.push(period.from, ...months.map((count) => addMonths(period.from, count)));
      if (period.to) dates.push(period.to);
    }
    for (const meeting of inputs.held) {
      const count = scheduleMonths().get(meeting.type);
      if (count) dates.push(meeting.heldOn, addMonths(meeting.heldOn, count));
    }
    for (const check of inputs.venueChecks) dates.push(check.checkedOn);
    for (const elected of inputs.elections) dates.push(elected, termEndsOn(inputs.level, elected));
    return dates;
  },
  stateOn: (inputs, date) => {
    const alive = runContaining(inputs.alive, date);
    if (!alive) return null;
    const keepsSchedule = keepsMeetingSchedule(inputs.level);
    const onSchedule =
      keepsSchedule &&
      [...scheduleMonths()].every(([type, months]) =>
        meetingOnSchedule(
          inputs.held.filter((meeting) => meeting.type === type).map((meeting) => meeting.heldOn),
          months,
          alive.from,
          date,
        ),
      );
    const venue = latestOnOrBefore(inputs.venueChecks, (check) => check.checkedOn, date);
    const elected = latestOnOrBefore(inputs.elections, (day) => day, date);
    return {
      regionCode: inputs.regionCode,
      keepsSchedule,
      onSchedule,
      venueMeets: venue?.meets ?? false,
      termOverdue: elected !== undefined && date >= termEndsOn(inputs.level, elected),
    };
  },
  loadInputs: loadStandingInputs,
};

/** Five statements whatever the number of organizations: rows, alive periods, held meetings, venue checks, elections. */
async function loadStandingInputs(
  em: EntityManager,
  organizationIds: readonly string[],
): Promise<Map<string, OrganizationStandingInputs>> {
  const ids = JSON.stringify(organizationIds);
  const organizations = await em.find(PartyOrganizationEntity, { id: { $in: [...organizationIds] } });
  const alive = await alivePeriodsOf(em, organizationIds);
  const inputs = new Map<string, OrganizationStandingInputs>();
  for (const organization of organizations) {
    inputs.set(organization.id, {
      regionCode: organization.regionCode,
      level: organization.level,
      alive: alive.get(organization.id) ?? [],
      held: [],
      venueChecks: [],
      elections: [],
    });
  }
  const held = await em.execute<{ organization_id: string; type: MeetingType; held_on: string }[]>(
    `select organization_id, type, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting
      where held_on is not null and organization_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const row of held) inputs.get(row.organization_id)?.held.push({ type: row.type, heldOn: row.held_on });
  const checks = await em.execute<{ organization_id: string; checked_on: string; meets: boolean }[]>(
    `select organization_id, to_char(checked_on, 'YYYY-MM-DD') as checked_on,
            (place and facilities and sign and flag and books_and_papers and rules) as meets
       from venue_check where organization_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const row of checks)
    inputs.get(row.organization_id)?.venueChecks.push({ checkedOn: row.checked_on, meets: row.meets });
  const elections = await em.execute<{ organization_id: string; elected_on: string }[]>(
    `select organization_id, to_char(elected_on, 'YYYY-MM-DD') as elected_on from organization_election
      where organization_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
    [ids],
  );
  for (const row of elections) inputs.get(row.organization_id)?.elections.push(row.elected_on);
  return inputs;
}
