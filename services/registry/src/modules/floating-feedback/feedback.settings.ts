import { defineSettings } from '@xgz/kit';
import { z } from 'zod';
import { FeedbackStep } from './feedback-step.js';

/**
 * Days allowed for each step after the previous one (for REGISTERED: after the member became
 * floating) before the member is listed as overdue. Override with FLOATING_FEEDBACK_DAYS, a JSON
 * object of the same shape, e.g. {"EVALUATION_SENT":120}.
 */
export const DEFAULT_FEEDBACK_DAYS: Record<FeedbackStep, number> = {
  REGISTERED: 30,
  IDENTITY_CONFIRMED: 30,
  PARTICIPATION: 90,
  EVALUATION_SENT: 180,
  RECEIPT_RETURNED: 30,
};

// partialRecord: any subset of steps (zod 4's record over an enum demands every key).
const overridesSchema = z.partialRecord(z.enum(FeedbackStep), z.number().int().positive());

/** FLOATING_FEEDBACK_DAYS: a JSON object of days per step, merged over the defaults. */
const feedbackDaysSetting = z
  .string()
  .optional()
  .transform((text, context) => {
    if (!text) return DEFAULT_FEEDBACK_DAYS;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'not JSON (e.g. {"EVALUATION_SENT":120})' });
      return z.NEVER;
    }
    const result = overridesSchema.safeParse(parsed);
    if (!result.success) {
      context.addIssue({ code: 'custom', message: result.error.issues.map((issue) => issue.message).join('; ') });
      return z.NEVER;
    }
    return { ...DEFAULT_FEEDBACK_DAYS, ...result.data };
  });

/** The days allowed per feedback step (FLOATING_FEEDBACK_DAYS over the defaults); bound when registry starts. */
export const feedbackSettings = defineSettings({ FLOATING_FEEDBACK_DAYS: feedbackDaysSetting });
