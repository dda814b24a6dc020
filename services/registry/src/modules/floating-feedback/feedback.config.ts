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

const overridesSchema = z.record(z.enum(FeedbackStep), z.number().int().positive());

export function feedbackDays(source: string | undefined = process.env.FLOATING_FEEDBACK_DAYS): Record<FeedbackStep, number> {
  if (!source) return DEFAULT_FEEDBACK_DAYS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new Error('Invalid environment:\n  FLOATING_FEEDBACK_DAYS: not JSON (e.g. {"EVALUATION_SENT":120})');
  }
  const result = overridesSchema.safeParse(parsed);
  if (!result.success) throw new Error(`Invalid environment:\n  FLOATING_FEEDBACK_DAYS: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return { ...DEFAULT_FEEDBACK_DAYS, ...result.data };
}
