import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';
import { FeedbackStep } from './feedback-step.js';

/** One dated step of a floating member's feedback chain; the chain is append-only (auditable). */
export const FeedbackStepEntity = defineEntity({
  name: 'FeedbackStepRecord',
  tableName: 'floating_feedback_step',
  properties: {
    id: p.uuid().primary(),
    memberId: p.uuid().index('floating_feedback_step_member_index'),
    regionCode: p.string().length(12).collation('C'),
    step: p.enum(() => FeedbackStep),
    occurredOn: p.date(),
    /** Who confirmed, evaluated or received: a branch or secretary, as written. */
    handledBy: p.text().nullable(),
    /** Reference of the stamped proof, letter or receipt (证明/函/回执编号). */
    proofReference: p.text().nullable(),
    note: p.text().nullable(),
    recordedAt: p.datetime(),
    recordedBy: p.text(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type FeedbackStepRow = InferEntity<typeof FeedbackStepEntity>;
