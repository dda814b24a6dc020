import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_DAYS, feedbackDays } from '../src/modules/floating-feedback/feedback.config.js';

describe('FLOATING_FEEDBACK_DAYS (zod settings)', () => {
  it('merges an override over the defaults', () => {
    expect(feedbackDays({ FLOATING_FEEDBACK_DAYS: '{"EVALUATION_SENT":120}' })).toEqual({
      ...DEFAULT_FEEDBACK_DAYS,
      EVALUATION_SENT: 120,
    });
    expect(feedbackDays({})).toEqual(DEFAULT_FEEDBACK_DAYS);
  });

  it('fails fast naming the variable when it is not JSON or not days per step', () => {
    expect(() => feedbackDays({ FLOATING_FEEDBACK_DAYS: '{oops' })).toThrow(/FLOATING_FEEDBACK_DAYS: not JSON/);
    expect(() => feedbackDays({ FLOATING_FEEDBACK_DAYS: '{"SOMETIME":3}' })).toThrow(/FLOATING_FEEDBACK_DAYS: /);
    expect(() => feedbackDays({ FLOATING_FEEDBACK_DAYS: '{"REGISTERED":-1}' })).toThrow(/FLOATING_FEEDBACK_DAYS: /);
  });
});
