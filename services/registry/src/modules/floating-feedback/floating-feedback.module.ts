import { defineModule } from '@xgz/kit';
import { FeedbackStepEntity } from './feedback-step.entity.js';
import { FeedbackErrorCode } from './feedback.errors.js';
import { FeedbackResolver } from './feedback.resolver.js';

/** Two-way feedback (双向反馈) on floating members (流动党员) between where they work and where they are registered. */
export const floatingFeedbackModule = defineModule({
  name: 'floating-feedback',
  entities: [FeedbackStepEntity],
  resolvers: [FeedbackResolver],
  errorCodes: FeedbackErrorCode,
  textRules: {
    /** A feedback step's note or evaluation (评语). */
    note: { maxLength: 2_000, multiline: true },
  },
});
