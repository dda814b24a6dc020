import { defineModule, type SubgraphModule } from '@xgz/kit';
import { FeedbackStepEntity } from './feedback-step.entity.js';
import { FeedbackErrorCode } from './feedback.errors.js';
import { createFeedbackLoaders } from './feedback.loaders.js';
import { FeedbackResolver } from './feedback.resolver.js';
import { feedbackSettings } from './feedback.settings.js';

/** Two-way feedback (双向反馈) on floating members (流动党员) between where they work and where they are registered. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const floatingFeedbackModule: SubgraphModule<{ feedback: ReturnType<typeof createFeedbackLoaders> }> =
  defineModule({
    name: 'floating-feedback',
    settings: [feedbackSettings],
    entities: [FeedbackStepEntity],
    resolvers: [FeedbackResolver],
    loaders: (em) => ({ feedback: createFeedbackLoaders(em) }),
    errorCodes: FeedbackErrorCode,
    textRules: {
      /** A feedback step's note or evaluation (评语). */
      note: { maxLength: 2_000, multiline: true },
    },
  });
