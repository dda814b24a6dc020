import type { EntityManager } from '@mikro-orm/postgresql';
import {
  FindingState,
  MembershipStatus,
  RegistryFactType,
  addMonths,
  fedPeriods,
  periodOn,
  rederive,
  runContaining,
  spanBounds,
  withinMonthsAfterAny,
  type DerivedFactDefinition,
  type Period,
} from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import type { FedMemberState } from '../coverage/entity-coverage.derived.js';

export interface MemberLifeInputs {
  member: Period<FedMemberState>[];
  memberships: { from: string; to: string | null }[];
  /** Days the member was present at a held meeting (any kind). */
  attended: string[];
}

/** A member on the books who belongs to an organization's life on a date, and whether they are out of it. */
export interface MemberLifeState extends Record<string, unknown> {
  regionCode: string;
  outOfLife: boolean;
}

export const memberLifeMetrics = {
  /** Members on the books who belong to an organization's life. */
  members: 'life.members',
  /** Of them, those with no organization life for longer than ORGANIZATION_LIFE_GAP_MONTHS. */
  out: 'life.out',
  all(): string[] {
    return [this.members, this.out];
  },
};

/**
 * Organization life per member (组织生活): on a date, a member on the books (active, not a false
 * record, per registry's feed) who belongs to an organization's life is out of it when they
 * attended no meeting within the last ORGANIZATION_LIFE_GAP_MONTHS months and have belonged that
 * long. Counted at the member's region.
 */
export const memberLifeFacts: DerivedFactDefinition<MemberLifeInputs, MemberLifeState> = {
  subjectType: 'MemberLife',
  // A getter: the rule follows settings bound when the subgraph starts.
  get revision() {
    return `life-1;gap=${organizationsSettings.get().ORGANIZATION_LIFE_GAP_MONTHS}`;
  },
  subjects: { from: 'life_membership', key: 'member_id' },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.outOfLife ? [memberLifeMetrics.members, memberLifeMetrics.out] : [memberLifeMetrics.members],
  breakpoints: (inputs) => {
    const gap = organizationsSettings.get().ORGANIZATION_LIFE_GAP_MONTHS;
    const dates = spanBounds([...inputs.member, ...inputs.memberships]);
    for (const membership of inputs.memberships) dates.push(addMonths(membership.from, gap));
    for (const day of inputs.attended) dates.push(day, addMonths(day, gap));
    return dates;
  },
  stateOn: (inputs, date) => {
    const member = periodOn(inputs.member, date)?.state;
    if (!member || member.status !== MembershipStatus.ACTIVE || member.findingState === FindingState.FALSE_RECORD)
      return null;
    // A move between branches does not restart the run of membership.
    const runStart = runContaining(inputs.memberships, date)?.from;
    if (!runStart) return null;
    const gap = organizationsSettings.get().ORGANIZATION_LIFE_GAP_MONTHS;
    const recent = withinMonthsAfterAny(inputs.attended, gap, date);
    return { regionCode: member.regionCode, outOfLife: !recent && date >= addMonths(runStart, gap) };
  },
  loadInputs: async (em: EntityManager, memberIds: readonly string[]) => {
    const ids = JSON.stringify(memberIds);
    const fed = await fedPeriods<FedMemberState>(em, RegistryFactType.PartyMember, memberIds);
    const inputs = new Map<string, MemberLifeInputs>(
      memberIds.map((id) => [id, { member: fed.get(id) ?? [], memberships: [], attended: [] }]),
    );
    const memberships = await em.execute<{ member_id: string; from_date: string; to_date: string | null }[]>(
      `select member_id, to_char(from_date, 'YYYY-MM-DD') as from_date, to_char(to_date, 'YYYY-MM-DD') as to_date from life_membership
        where member_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [ids],
    );
    for (const row of memberships)
      inputs.get(row.member_id)!.memberships.push({ from: row.from_date, to: row.to_date });
    const attended = await em.execute<{ member_id: string; held_on: string }[]>(
      `select member_id, to_char(held_on, 'YYYY-MM-DD') as held_on from meeting_attendance
        where present and member_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [ids],
    );
    for (const row of attended) inputs.get(row.member_id)!.attended.push(row.held_on);
    return inputs;
  },
};

/** Re-derives members' organization-life standing, as the actor, in the caller's transaction. */
export const rederiveMemberLife = (tx: EntityManager, memberIds: readonly string[], actor: string) =>
  rederive(tx, memberLifeFacts, memberIds, { reason: 'ORGANIZATION_LIFE_CHANGED', actor });
