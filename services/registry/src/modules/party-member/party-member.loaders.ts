import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { factVersionsLoader, readAuditLoader, regionScopedByIdLoader, type Viewer } from '@xgz/kit';
import { FeedbackStepEntity, type FeedbackStepRow } from '../floating-feedback/feedback-step.entity.js';
import { partyMemberFacts } from './party-member.facts.js';
import { PartyMemberEntity, type PartyMemberRow } from './party-member.entity.js';

export const createPartyMemberLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<PartyMemberRow>(em, PartyMemberEntity, viewer),
  versions: factVersionsLoader(em, partyMemberFacts),
  /** Each member's feedback chain, oldest step first; one statement per batch. */
  feedbackSteps: new DataLoader<string, FeedbackStepRow[]>(async (memberIds) => {
    const steps = await em.find(
      FeedbackStepEntity,
      { memberId: { $in: [...memberIds] } },
      { orderBy: { occurredOn: 'asc', recordedAt: 'asc' } },
    );
    const byMember = new Map<string, FeedbackStepRow[]>(memberIds.map((id) => [id, []]));
    for (const step of steps) byMember.get(step.memberId)?.push(step);
    return memberIds.map((id) => byMember.get(id)!);
  }),
  /** Unmasked reads of this request, written in one statement. */
  personalDataReads: readAuditLoader(em, viewer),
});
