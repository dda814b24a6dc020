import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FeedbackStepEntity, type FeedbackStepRow } from './feedback-step.entity.js';

export const createFeedbackLoaders = (em: EntityManager) => ({
  /** Each member's feedback chain, oldest step first; one statement per batch. */
  stepsOfMember: new DataLoader<string, FeedbackStepRow[]>(async (memberIds) => {
    const steps = await em.find(
      FeedbackStepEntity,
      { memberId: { $in: [...memberIds] } },
      { orderBy: { occurredOn: 'asc', recordedAt: 'asc' } },
    );
    const byMember = new Map<string, FeedbackStepRow[]>(memberIds.map((id) => [id, []]));
    for (const step of steps) byMember.get(step.memberId)?.push(step);
    return memberIds.map((id) => byMember.get(id)!);
  }),
});
