import { ListSize, PageSize } from '@xgz/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RegistryContext } from '../../context.js';
import type { PartyMemberRow } from '../party-member/party-member.entity.js';
import { PartyMember } from '../party-member/party-member.type.js';
import { FeedbackStep } from './feedback-step.js';
import { FeedbackStepRecord, OverdueFeedback } from './feedback.type.js';
import { overdueFeedback, recordFeedbackStep } from './feedback.service.js';

@Resolver(() => PartyMember)
export class FeedbackResolver {
  @ListSize(10)
  @FieldResolver(() => [FeedbackStepRecord], {
    description: 'Floating members: the two-way feedback chain so far, oldest first.',
  })
  feedbackSteps(@Root() member: PartyMemberRow, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.feedback.stepsOfMember.load(member.id);
  }

  @Mutation(() => FeedbackStepRecord, {
    description:
      'Records the next step of a floating member’s two-way feedback (登记 → 身份确认 → 参加活动 → 评语反馈 → 回执). Out of order: FEEDBACK_STEP_OUT_OF_ORDER.',
  })
  recordFeedbackStep(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('step', () => FeedbackStep) step: FeedbackStep,
    @Arg('occurredOn', () => LocalDateResolver) occurredOn: string,
    @Ctx() ctx: RegistryContext,
    @Arg('handledBy', () => String, { nullable: true }) handledBy?: string | null,
    @Arg('proofReference', () => String, { nullable: true }) proofReference?: string | null,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return recordFeedbackStep(ctx.em, ctx.viewer, { memberId, step, occurredOn, handledBy, proofReference, note });
  }

  @PageSize(200)
  @Query(() => [OverdueFeedback], {
    description:
      'Floating members whose next feedback step is overdue (days per step: FLOATING_FEEDBACK_DAYS), most overdue first.',
  })
  overdueFeedback(
    @Ctx() ctx: RegistryContext,
    @Arg('regionCode', () => ID, { nullable: true }) regionCode?: string | null,
    @Arg('asOf', () => LocalDateResolver, { nullable: true }) asOf?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1–1000, default 200.' }) first?: number | null,
  ) {
    return overdueFeedback(ctx.em, ctx.viewer, regionCode, asOf, first);
  }
}
