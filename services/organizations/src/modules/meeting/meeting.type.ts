import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { PartyMember } from '../party-member/party-member.type.js';
import { AbsenceReason, MeetingType } from '../standing/meeting-kind.js';
import type { MeetingAttendanceRow, MeetingRow } from './meeting.entity.js';

@ObjectType('Meeting', {
  description: 'A meeting of an organization (组织生活): 三会一课, themed day or organization life meeting.',
})
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => MeetingType)
  type!: MeetingType;

  @Field(() => String, { description: 'Topic (主题).' })
  topic!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date planned (计划日期).' })
  plannedOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date held (召开日期); null while only planned.' })
  heldOn!: string | null;

  @Field(() => PartyMember, { nullable: true, description: 'Who chaired it (主持人).' })
  host!: PartyMember | null;

  @Field(() => PartyMember, { nullable: true, description: 'Who kept the minutes (记录人).' })
  recorder!: PartyMember | null;

  @Field(() => String, { nullable: true, description: 'Decisions taken (决议).' })
  decisions!: string | null;

  @Field(() => Int, { description: 'Members expected (应到).' })
  expectedCount!: number;

  @Field(() => Int, { description: 'Members present (实到).' })
  presentCount!: number;
}

@ObjectType('MeetingAttendance', {
  description: 'One expected member at a held meeting: present, or absent with the reason.',
})
export class MeetingAttendance {
  @Field(() => PartyMember)
  member!: PartyMember;

  @Field(() => Boolean)
  present!: boolean;

  @Field(() => AbsenceReason, { nullable: true })
  absenceReason!: AbsenceReason | null;
}

export const presentMeeting = (row: MeetingRow): Meeting => ({
  ...row,
  plannedOn: row.plannedOn ?? null,
  heldOn: row.heldOn ?? null,
  decisions: row.decisions ?? null,
  host: row.hostMemberId ? { id: row.hostMemberId } : null,
  recorder: row.recorderMemberId ? { id: row.recorderMemberId } : null,
});

export const presentAttendance = (row: MeetingAttendanceRow): MeetingAttendance => ({
  present: row.present,
  absenceReason: row.absenceReason ?? null,
  member: { id: row.memberId },
});
