import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { AbsenceReason, MeetingType } from '../standing/meeting-kind.js';

/** A meeting of an organization, planned and/or held; placed at the organization's region. */
export const MeetingEntity = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  indexes: [{ name: 'meeting_organization_index', properties: ['organizationId', 'type', 'heldOn'] }],
  properties: {
    ...placedRecordProperties('meeting'),
    organizationId: p.uuid(),
    type: p.enum(() => MeetingType),
    plannedOn: p.date().nullable(),
    /** Null while only planned. */
    heldOn: p.date().nullable(),
    topic: p.text(),
    hostMemberId: p.uuid().nullable(),
    recorderMemberId: p.uuid().nullable(),
    decisions: p.text().nullable(),
    /** Members expected (present + absent), kept here because attendance rows of other regions are hidden by RLS. */
    expectedCount: p.integer().default(0),
    presentCount: p.integer().default(0),
    lastChangeOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type MeetingRow = InferEntity<typeof MeetingEntity>;

/** One expected member at a held meeting; placed at the member's region (their organization-life standing reads it). */
export const MeetingAttendanceEntity = defineEntity({
  name: 'MeetingAttendance',
  tableName: 'meeting_attendance',
  uniques: [{ name: 'meeting_attendance_member_unique', properties: ['meetingId', 'memberId'] }],
  properties: {
    ...placedRecordProperties('meeting_attendance'),
    meetingId: p.uuid(),
    memberId: p.uuid().index('meeting_attendance_member_index'),
    /** The meeting's held date, copied: the member's standing reads its own rows only. */
    heldOn: p.date(),
    present: p.boolean(),
    absenceReason: p.enum(() => AbsenceReason).nullable(),
  },
  policies: placedRecordPolicies,
});

export type MeetingAttendanceRow = InferEntity<typeof MeetingAttendanceEntity>;
