import { registerEnumType } from 'type-graphql';

/** The steps of the floating-member two-way feedback (流动党员双向互动反馈), in order. */
export enum FeedbackStep {
  REGISTERED = 'REGISTERED',
  IDENTITY_CONFIRMED = 'IDENTITY_CONFIRMED',
  PARTICIPATION = 'PARTICIPATION',
  EVALUATION_SENT = 'EVALUATION_SENT',
  RECEIPT_RETURNED = 'RECEIPT_RETURNED',
}

registerEnumType(FeedbackStep, {
  name: 'FeedbackStep',
  description: 'Steps of the floating-member two-way feedback (流动党员双向互动反馈), in order.',
  valuesConfig: {
    REGISTERED: { description: '1. Registered on the floating-member form (流动党员登记)' },
    IDENTITY_CONFIRMED: { description: '2. Identity confirmed by the home branch, with stamped proof (党员身份确认)' },
    PARTICIPATION: {
      description: '3. Took part in organization life, training or an activity (参加组织活动备案); repeatable',
    },
    EVALUATION_SENT: { description: "4. The local secretary's evaluation sent to the home branch (党员情况反馈)" },
    RECEIPT_RETURNED: { description: '5. The home branch returned its receipt (回执); the chain is complete' },
  },
});

/** What may come after the last recorded step (nothing recorded: only REGISTERED). */
export function nextSteps(recorded: readonly FeedbackStep[]): FeedbackStep[] {
  const last = recorded[recorded.length - 1];
  switch (last) {
    case undefined:
      return [FeedbackStep.REGISTERED];
    case FeedbackStep.REGISTERED:
      return [FeedbackStep.IDENTITY_CONFIRMED];
    case FeedbackStep.IDENTITY_CONFIRMED:
      return [FeedbackStep.PARTICIPATION];
    case FeedbackStep.PARTICIPATION:
      return [FeedbackStep.PARTICIPATION, FeedbackStep.EVALUATION_SENT];
    case FeedbackStep.EVALUATION_SENT:
      return [FeedbackStep.RECEIPT_RETURNED];
    default:
      return []; // RECEIPT_RETURNED: the chain is complete
  }
}

/** The step an incomplete chain is waiting for: the last of nextSteps (after a participation, the evaluation). */
export const awaitedStep = (last: FeedbackStep | null): FeedbackStep | undefined =>
  nextSteps(last ? [last] : []).at(-1);
