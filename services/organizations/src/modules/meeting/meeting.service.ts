import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonths,
  assertRole,
  assertUuid,
  badUserInput,
  domainError,
  findPage,
  lockForUpdate,
  notFound,
  today,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { rederiveMemberLife } from '../organization-life/member-life.derived.js';
import { membersInOrganization } from '../party-member/fed-members.js';
import { organizationDissolved, OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import type { PartyOrganizationRow } from '../organization-record/party-organization.entity.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { MeetingAttendanceEntity, MeetingEntity, type MeetingRow } from './meeting.entity.js';
import type { HeldMeetingInput, RecordMeetingInput } from './meeting.inputs.js';
import type { MeetingType } from '../standing/meeting-kind.js';
import { presentMeeting } from './meeting.type.js';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';

/** The most members one meeting lists (present and absent): a market's general branch, not a city. */
export const MAX_ATTENDANCE = 500;
/** How far ahead a meeting may be planned. */
const PLANNING_HORIZON_MONTHS = 24;

function checkAttendance(held: HeldMeetingInput): string[] {
  if (held.present.length === 0)
    throw badUserInput('held.present lists nobody: a meeting held is attended by at least one member.', 'held.present');
  const listed = [...held.present, ...held.absent.map((absence) => absence.memberId)];
  if (listed.length > MAX_ATTENDANCE)
    throw badUserInput(
      `held.present and held.absent list ${listed.length} members; at most ${MAX_ATTENDANCE}.`,
      'held.present',
    );
  listed.forEach((id) => assertUuid(id, 'held.present'));
  const twice = listed.find((id, index) => listed.indexOf(id) !== index);
  if (twice)
    throw badUserInput(
      `Member ${twice} is listed twice (present and absent lists together name each member once).`,
      'held.present',
    );
  const people = [...listed, held.hostMemberId, held.recorderMemberId].filter((id): id is string => !!id);
  people.forEach((id) => assertUuid(id, 'held'));
  return [...new Set(people)];
}

/** Writes what happened at a meeting (the organization alive that day is checked by the event). Returns the members present. */
async function hold(
  tx: EntityManager,
  organization: PartyOrganizationRow,
  meeting: MeetingRow,
  held: HeldMeetingInput,
  people: string[],
): Promise<string[]> {
  const members = await membersInOrganization(tx, organization, people, 'held');
  meeting.heldOn = held.heldOn;
  meeting.hostMemberId = held.hostMemberId ?? null;
  meeting.recorderMemberId = held.recorderMemberId ?? null;
  meeting.decisions = held.decisions?.trim() || null;
  meeting.expectedCount = held.present.length + held.absent.length;
  meeting.presentCount = held.present.length;
  meeting.lastChangeOn = held.heldOn;
  await tx.flush();
  const attendance = [
    ...held.present.map((memberId) => ({ memberId, present: true, absenceReason: null })),
    ...held.absent.map((absence) => ({ memberId: absence.memberId, present: false, absenceReason: absence.reason })),
  ];
  for (const row of attendance) {
    tx.create(MeetingAttendanceEntity, {
      ...row,
      regionCode: members.get(row.memberId)!.regionCode,
      meetingId: meeting.id,
      heldOn: held.heldOn,
    });
  }
  return held.present;
}

/**
 * Records a meeting (三会一课, themed day, organization life meeting): planned, held or both. A held
 * meeting moves the organization's schedule standing and the present members' organization life.
 */
export async function recordMeeting(em: EntityManager, viewer: Viewer, input: RecordMeetingInput): Promise<MeetingRow> {
  assertRole(viewer, WRITER_ROLES, 'record meetings');
  const topic = input.topic.trim();
  if (!topic) throw badUserInput('input.topic must not be empty.', 'input.topic');
  if (!input.plannedOn && !input.held)
    throw badUserInput('Give input.plannedOn, input.held or both.', 'input.plannedOn');
  if (input.plannedOn && input.plannedOn > addMonths(today(), PLANNING_HORIZON_MONTHS)) {
    throw badUserInput(
      `input.plannedOn ${input.plannedOn} is more than ${PLANNING_HORIZON_MONTHS} months ahead.`,
      'input.plannedOn',
    );
  }
  const people = input.held ? checkAttendance(input.held) : [];
  return writeOrganizationEvent(em, viewer, {
    organizationId: input.organizationId,
    on: input.held?.heldOn ?? today(),
    dateArgument: input.held ? 'input.held.heldOn' : 'input.plannedOn',
    // A held meeting: the organization alive that day (perhaps dissolved since). Only planned: alive now.
    alive: input.held ? 'ON_THE_DAY' : 'NOT_REQUIRED',
    check: (organization) => {
      if (!input.held && organization.dissolvedOn)
        throw organizationDissolved(organization.name, organization.dissolvedOn);
    },
    apply: async (organization, tx) => {
      const meeting = tx.create(MeetingEntity, {
        regionCode: organization.regionCode,
        organizationId: organization.id,
        type: input.type,
        plannedOn: input.plannedOn ?? null,
        heldOn: null,
        topic,
        hostMemberId: null,
        recorderMemberId: null,
        decisions: null,
        expectedCount: 0,
        presentCount: 0,
        lastChangeOn: input.plannedOn ?? input.held!.heldOn,
      });
      const present = input.held ? await hold(tx, organization, meeting, input.held, people) : [];
      return { meeting, present };
    },
    derive: async (tx, organization, { present }) => {
      if (!input.held) return;
      await rederiveStanding(tx, [organization.id], viewer.subject);
      await rederiveMemberLife(tx, present, viewer.subject);
    },
    audit: { action: 'RECORD_MEETING', detail: { type: input.type, plannedOn: input.plannedOn ?? null } },
  }).then(({ meeting }) => meeting);
}

/** Records that a planned meeting was held (召开), with attendance and decisions. */
export async function recordMeetingHeld(
  em: EntityManager,
  viewer: Viewer,
  meetingId: string,
  held: HeldMeetingInput,
): Promise<MeetingRow> {
  assertRole(viewer, WRITER_ROLES, 'record meetings');
  assertUuid(meetingId, 'meetingId');
  const found = await em.findOne(MeetingEntity, { id: meetingId });
  if (!found) throw notFound(`meetingId: no meeting ${meetingId} in your region.`);
  const people = checkAttendance(held);
  return writeOrganizationEvent(em, viewer, {
    organizationId: found.organizationId,
    on: held.heldOn,
    dateArgument: 'held.heldOn',
    alive: 'ON_THE_DAY',
    apply: async (organization, tx) => {
      const meeting = await lockForUpdate(tx, MeetingEntity, meetingId, 'meeting');
      if (meeting.heldOn)
        throw domainError(
          OrganizationsErrorCode.MeetingHeld,
          `This meeting was recorded as held on ${meeting.heldOn} already.`,
        );
      return { meeting, present: await hold(tx, organization, meeting, held, people) };
    },
    derive: async (tx, organization, { present }) => {
      await rederiveStanding(tx, [organization.id], viewer.subject);
      await rederiveMemberLife(tx, present, viewer.subject);
    },
    audit: { action: 'RECORD_MEETING_HELD', detail: { meetingId } },
  }).then(({ meeting }) => meeting);
}

/** An organization's meetings, a page at a time, optionally of one type and held in [heldFrom, heldTo]. */
export function listMeetings(
  em: EntityManager,
  organizationId: string,
  filter: { type?: MeetingType | null; heldFrom?: string | null; heldTo?: string | null },
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const heldOn =
    filter.heldFrom || filter.heldTo
      ? { ...(filter.heldFrom ? { $gte: filter.heldFrom } : {}), ...(filter.heldTo ? { $lte: filter.heldTo } : {}) }
      : undefined;
  return findPage(
    em,
    MeetingEntity,
    { organizationId, ...(filter.type ? { type: filter.type } : {}), ...(heldOn ? { heldOn } : {}) },
    page,
    presentMeeting,
  );
}

/** One meeting the caller's region may see, or null. */
export async function findMeeting(em: EntityManager, id: string): Promise<MeetingRow | null> {
  assertUuid(id, 'id');
  return em.findOne(MeetingEntity, { id });
}
