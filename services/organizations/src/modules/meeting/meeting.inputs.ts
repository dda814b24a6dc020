import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AbsenceReason, MeetingType } from '../standing/meeting-kind.js';

@InputType('AbsenceInput', { description: 'An expected member who was absent, and why (缺席).' })
export class AbsenceInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => AbsenceReason)
  reason!: AbsenceReason;
}

@InputType('HeldMeetingInput', {
  description: 'What happened at a held meeting: date, who came, who did not and why, what was decided.',
})
export class HeldMeetingInput {
  @Field(() => LocalDateResolver, {
    description: 'Date held (召开日期); not in the future, while the organization was alive.',
  })
  heldOn!: string;

  @Field(() => ID, { nullable: true, description: 'The member who chaired it (主持人).' })
  hostMemberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member who kept the minutes (记录人).' })
  recorderMemberId?: string | null;

  @Field(() => [ID], { description: 'Members present (实到); at most 500 present and absent together.' })
  present!: string[];

  @Field(() => [AbsenceInput], { defaultValue: [], description: 'Expected members absent, with the reason.' })
  absent!: AbsenceInput[];

  @Field(() => String, { nullable: true, description: 'Decisions taken (决议).' })
  decisions?: string | null;
}

@InputType('RecordMeetingInput', { description: 'A meeting of an organization (组织生活): planned, held, or both.' })
export class RecordMeetingInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => MeetingType)
  type!: MeetingType;

  @Field(() => String, { description: 'Topic (主题).' })
  topic!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date planned (计划日期); may be in the future.' })
  plannedOn?: string | null;

  @Field(() => HeldMeetingInput, {
    nullable: true,
    description: 'Omit for a meeting only planned; add it later with recordMeetingHeld.',
  })
  held?: HeldMeetingInput | null;
}
