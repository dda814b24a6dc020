import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListSize } from '@xgz/kit';
import type { OrganizationsContext } from '../../context.js';
import { HeldMeetingInput, RecordMeetingInput } from './meeting.inputs.js';
import { findMeeting, MAX_ATTENDANCE, recordMeeting, recordMeetingHeld } from './meeting.service.js';
import { Meeting, MeetingAttendance, presentAttendance, presentMeeting } from './meeting.type.js';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'One meeting; null when unknown or outside your region.' })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationsContext) {
    const row = await findMeeting(ctx.em, id);
    return row ? presentMeeting(row) : null;
  }

  @Mutation(() => Meeting, {
    description:
      'Records a meeting (三会一课, 主题党日, 组织生活会): planned, held or both. Needs the admin or official role.',
  })
  async recordMeeting(
    @Arg('input', () => RecordMeetingInput) input: RecordMeetingInput,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentMeeting(await recordMeeting(ctx.em, ctx.viewer, input));
  }

  @Mutation(() => Meeting, { description: 'Records that a planned meeting was held, with attendance and decisions.' })
  async recordMeetingHeld(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('held', () => HeldMeetingInput) held: HeldMeetingInput,
    @Ctx() ctx: OrganizationsContext,
  ) {
    return presentMeeting(await recordMeetingHeld(ctx.em, ctx.viewer, meetingId, held));
  }

  @ListSize(MAX_ATTENDANCE)
  @FieldResolver(() => [MeetingAttendance], {
    description: `Expected members (at most ${MAX_ATTENDANCE}), present first; members outside your region are left out (the counts include them).`,
  })
  async attendance(@Root() meeting: Meeting, @Ctx() ctx: OrganizationsContext) {
    return (await ctx.loaders.meetings.attendance.load(meeting.id)).map(presentAttendance);
  }
}
