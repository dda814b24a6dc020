import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_DAYS, feedbackSettings } from '../src/modules/floating-feedback/feedback.settings.js';

describe('FLOATING_FEEDBACK_DAYS (zod settings)', () => {
  it('merges an override over the defaults', () => {
    expect(feedbackSettings.bind({ FLOATING_FEEDBACK_DAYS: '{"EVALUATION_SENT":120}' }).FLOATING_FEEDBACK_DAYS).toEqual(
      {
        ...DEFAULT_FEEDBACK_DAYS,
        EVALUATION_SENT: 120,
      },
    );
    expect(feedbackSettings.bind({}).FLOATING_FEEDBACK_DAYS).toEqual(DEFAULT_FEEDBACK_DAYS);
  });

  it('fails fast naming the variable when it is not JSON or not days per step', () => {
    expect(() => feedbackSettings.bind({ FLOATING_FEEDBACK_DAYS: '{oops' }).FLOATING_FEEDBACK_DAYS).toThrow(
      /FLOATING_FEEDBACK_DAYS: not JSON/,
    );
    expect(() => feedbackSettings.bind({ FLOATING_FEEDBACK_DAYS: '{"SOMETIME":3}' }).FLOATING_FEEDBACK_DAYS).toThrow(
      /FLOATING_FEEDBACK_DAYS: /,
    );
    expect(() => feedbackSettings.bind({ FLOATING_FEEDBACK_DAYS: '{"REGISTERED":-1}' }).FLOATING_FEEDBACK_DAYS).toThrow(
      /FLOATING_FEEDBACK_DAYS: /,
    );
  });
});
