import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonths,
  anyCovers,
  assertNotBefore,
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
import { alivePeriods } from '../coverage/organization-links.js';
import { rederiveMemberLife } from '../organization-life/member-life.facts.js';
import { membersOnBooks } from '../party-member/fed-members.js';
import { organizationDissolved, OrganizationErrorCode } from '../party-organization/party-organization.errors.js';
import type { PartyOrganizationRow } from '../party-organization/party-organization.entity.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { MeetingAttendanceEntity, MeetingEntity, type MeetingRow } from './meeting.entity.js';
import type { HeldMeetingInput, RecordMeetingInput } from './meeting.inputs.js';
import type { MeetingType } from './meeting-type.js';
import { presentMeeting } from './meeting.type.js';
import { writeOrganizationEvent } from '../party-organization/organization-event.js';

/** The most members one meeting lists (present and absent): a market's general branch, not a city. */
export const MAX_ATTENDANCE = 500;
/** How far ahead a meeting may be planned. */
const PLANNING_HORIZON_MONTHS = 24;

function checkAttendance(held: HeldMeetingInput): string[] {
  const listed = [...held.present, ...held.absent.map((absence) => absence.memberId)];
  if (listed.length > MAX_ATTENDANCE) throw badUserInput(`held.present and held.absent list ${listed.length} members; at most ${MAX_ATTENDANCE}.`, 'held.present');
  listed.forEach((id) => assertUuid(id, 'held.present'));
  const twice = listed.find((id, index) => listed.indexOf(id) !== index);
  if (twice) throw badUserInput(`Member ${twice} is listed twice (present and absent lists together name each member once).`, 'held.present');
  const people = [...listed, held.hostMemberId, held.recorderMemberId].filter((id): id is string => !!id);
  people.forEach((id) => assertUuid(id, 'held'));
  return [...new Set(people)];
}

/** Writes what happened at a meeting; the organization must have been alive that day. Returns the members present. */
async function hold(tx: EntityManager, organization: PartyOrganizationRow, meeting: MeetingRow, held: HeldMeetingInput, people: string[]): Promise<string[]> {
  assertNotBefore(held.heldOn, organization.establishedOn, 'held.heldOn', 'the date the organization was established');
  const alive = await alivePeriods(tx, organization.id);
  if (!anyCovers(alive, held.heldOn)) {
    throw domainError(OrganizationErrorCode.OrganizationNotAlive, `${organization.name} was dissolved on ${held.heldOn}: a meeting is held while the organization lives.`);
  }
  const members = await membersOnBooks(tx, people, 'held');
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
    tx.create(MeetingAttendanceEntity, { ...row, regionCode: members.get(row.memberId)!.regionCode, meetingId: meeting.id, heldOn: held.heldOn } as never);
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
  if (!input.plannedOn && !input.held) throw badUserInput('Give input.plannedOn, input.held or both.', 'input.plannedOn');
  if (input.plannedOn && input.plannedOn > addMonths(today(), PLANNING_HORIZON_MONTHS)) {
    throw badUserInput(`input.plannedOn ${input.plannedOn} is more than ${PLANNING_HORIZON_MONTHS} months ahead.`, 'input.plannedOn');
  }
  const people = input.held ? checkAttendance(input.held) : [];
  let meeting: MeetingRow | undefined;
  let present: string[] = [];
  await writeOrganizationEvent(em, viewer, {
    organizationId: input.organizationId,
    on: input.held?.heldOn ?? today(),
    dateArgument: input.held ? 'input.held.heldOn' : 'input.plannedOn',
    // A held meeting is checked against the day it was held (the organization alive then); a planned one, against now.
    living: false,
    check: (organization) => {
      if (!input.held && organization.dissolvedOn) throw organizationDissolved(organization.name, organization.dissolvedOn);
    },
    apply: async (organization, tx) => {
      meeting = tx.create(MeetingEntity, {
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
      } as unknown as MeetingRow);
      if (input.held) present = await hold(tx, organization, meeting, input.held, people);
    },
    derive: async (tx, organization) => {
      if (!input.held) return;
      await rederiveStanding(tx, [organization.id], viewer.subject);
      await rederiveMemberLife(tx, present, viewer.subject);
    },
    audit: { action: 'RECORD_MEETING', detail: { type: input.type, plannedOn: input.plannedOn ?? null } },
  });
  return meeting!;
}

/** Records that a planned meeting was held (召开), with attendance and decisions. */
export async function recordMeetingHeld(em: EntityManager, viewer: Viewer, meetingId: string, held: HeldMeetingInput): Promise<MeetingRow> {
  assertRole(viewer, WRITER_ROLES, 'record meetings');
  assertUuid(meetingId, 'meetingId');
  const found = await em.findOne(MeetingEntity, { id: meetingId });
  if (!found) throw notFound(`meetingId: no meeting ${meetingId} in your region.`);
  const people = checkAttendance(held);
  let meeting: MeetingRow | undefined;
  let present: string[] = [];
  await writeOrganizationEvent(em, viewer, {
    organizationId: found.organizationId,
    on: held.heldOn,
    dateArgument: 'held.heldOn',
    living: false,
    apply: async (organization, tx) => {
      meeting = await lockForUpdate(tx, MeetingEntity, meetingId, 'meeting');
      if (meeting.heldOn) throw domainError(OrganizationErrorCode.MeetingHeld, `This meeting was recorded as held on ${meeting.heldOn} already.`);
      present = await hold(tx, organization, meeting, held, people);
    },
    derive: async (tx, organization) => {
      await rederiveStanding(tx, [organization.id], viewer.subject);
      await rederiveMemberLife(tx, present, viewer.subject);
    },
    audit: { action: 'RECORD_MEETING_HELD', detail: { meetingId } },
  });
  return meeting!;
}

/** An organization's meetings, a page at a time, optionally of one type and held in [heldFrom, heldTo]. */
export function listMeetings(
  em: EntityManager,
  organizationId: string,
  filter: { type?: MeetingType | null; heldFrom?: string | null; heldTo?: string | null },
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const heldOn = filter.heldFrom || filter.heldTo ? { ...(filter.heldFrom ? { $gte: filter.heldFrom } : {}), ...(filter.heldTo ? { $lte: filter.heldTo } : {}) } : undefined;
  return findPage(em, MeetingEntity, { organizationId, ...(filter.type ? { type: filter.type } : {}), ...(heldOn ? { heldOn } : {}) }, page, presentMeeting);
}

/** One meeting the caller's region may see, or null. */
export async function findMeeting(em: EntityManager, id: string): Promise<MeetingRow | null> {
  assertUuid(id, 'id');
  return em.findOne(MeetingEntity, { id });
}
