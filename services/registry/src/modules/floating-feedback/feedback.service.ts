import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  assertNotBefore,
  assertRole,
  badUserInput,
  domainError,
  pageSize,
  today,
  WRITER_ROLES,
  type Viewer,
  scopedRegion,
} from '@xgz/kit';
import { PartyMemberEntity, type PartyMemberRow } from '../party-member/party-member.entity.js';
import { partyMemberWrites } from '../party-member/party-member.service.js';
import { MembershipStatus, RelationshipType } from '../party-member/party-member-enums.js';
import { feedbackSettings } from './feedback.settings.js';
import { awaitedStep, FeedbackStep, nextSteps } from './feedback-step.js';
import { FeedbackStepEntity, type FeedbackStepRow } from './feedback-step.entity.js';
import { FeedbackErrorCode } from './feedback.errors.js';

export interface FeedbackStepInput {
  memberId: string;
  step: FeedbackStep;
  occurredOn: string;
  handledBy?: string | null;
  proofReference?: string | null;
  note?: string | null;
}

export const feedbackSteps = (em: EntityManager, memberId: string) =>
  em.find(FeedbackStepEntity, { memberId }, { orderBy: { occurredOn: 'asc', recordedAt: 'asc' } });

/** What each step must carry, so the chain can be audited. */
function assertStepDetails(input: FeedbackStepInput): void {
  const need = (value: string | null | undefined, field: string, what: string) => {
    if (!value?.trim()) throw badUserInput(`${field} is required for ${input.step}: ${what}.`, field);
  };
  if (input.step === FeedbackStep.IDENTITY_CONFIRMED) {
    need(input.handledBy, 'handledBy', 'the home branch that confirmed the identity');
    need(input.proofReference, 'proofReference', 'the reference of its stamped proof');
  }
  if (input.step === FeedbackStep.PARTICIPATION) need(input.note, 'note', 'which meeting, training or activity');
  if (input.step === FeedbackStep.EVALUATION_SENT) {
    need(input.handledBy, 'handledBy', 'the local secretary who wrote the evaluation');
    need(input.note, 'note', 'the evaluation (评语)');
  }
  if (input.step === FeedbackStep.RECEIPT_RETURNED)
    need(input.proofReference, 'proofReference', 'the reference of the receipt (回执)');
}

/** Records the next step of a floating member's feedback chain; steps must come in order. */
export async function recordFeedbackStep(
  em: EntityManager,
  viewer: Viewer,
  input: FeedbackStepInput,
): Promise<FeedbackStepRow> {
  assertRole(viewer, WRITER_ROLES, 'record floating-member feedback');
  assertStepDetails(input);
  const completes = input.step === FeedbackStep.RECEIPT_RETURNED;
  // The member is the locked record: two steps for one member are recorded one after the other.
  return partyMemberWrites.event<FeedbackStepRow>(em, viewer, {
    id: input.memberId,
    effectiveOn: input.occurredOn,
    dateArgument: 'occurredOn',
    // Only the receipt changes the member's facts (feedback complete); the other steps are events.
    afterLastChange: completes,
    check: async (member, tx) => {
      if (member.status !== MembershipStatus.ACTIVE || member.relationshipType !== RelationshipType.FLOATING) {
        throw domainError(
          FeedbackErrorCode.NotApplicable,
          'Two-way feedback is kept for active floating members (流动党员) only.',
        );
      }
      const recorded = await feedbackSteps(tx, member.id);
      const allowed = nextSteps(recorded.map((row) => row.step));
      if (!allowed.includes(input.step)) {
        throw domainError(
          FeedbackErrorCode.StepOutOfOrder,
          allowed.length
            ? `${input.step} cannot come now: the next step is ${allowed.join(' or ')}.`
            : 'The chain is complete: the receipt has already come back.',
          { expected: allowed },
        );
      }
      const last = recorded[recorded.length - 1];
      if (last)
        assertNotBefore(input.occurredOn, last.occurredOn, 'occurredOn', `the date of the previous step, ${last.step}`);
    },
    apply: (member, tx) => {
      const step = tx.create(FeedbackStepEntity, {
        id: crypto.randomUUID(),
        memberId: member.id,
        regionCode: member.regionCode,
        step: input.step,
        occurredOn: input.occurredOn,
        handledBy: input.handledBy?.trim() || null,
        proofReference: input.proofReference?.trim() || null,
        note: input.note?.trim() || null,
        recordedAt: new Date(),
        recordedBy: viewer.subject,
      });
      if (completes) member.floatingFeedbackComplete = true;
      return step;
    },
    // The history moves only with the receipt.
    reason: completes ? 'FEEDBACK_COMPLETED' : undefined,
    action: `FEEDBACK_${input.step}`,
  });
}

interface OverdueRow {
  member_id: string;
  last_step: FeedbackStep | null;
  last_on: string;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Active floating members, chain not complete, whose next step is past its due date on `asOf`.
 * One statement finds each member's last step; the due dates come from the configured days.
 */
export async function overdueFeedback(
  em: EntityManager,
  viewer: Viewer,
  regionCode: string | null | undefined,
  asOf: string | null | undefined,
  first?: number | null,
) {
  const limit = pageSize(first ?? 200, 1000);
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'floating-member feedback');
  const date = asOf ?? today();
  const days = feedbackSettings.get().FLOATING_FEEDBACK_DAYS;
  const rows = await em.execute<OverdueRow[]>(
    `select m.id as member_id, s.step as last_step, to_char(coalesce(s.occurred_on, m.last_change_on), 'YYYY-MM-DD') as last_on
       from party_member m
       left join lateral (
         select step, occurred_on from floating_feedback_step f where f.member_id = m.id order by occurred_on desc, recorded_at desc limit 1
       ) s on true
      where m.region_code like ? and m.status = 'ACTIVE' and m.relationship_type = 'FLOATING' and not m.floating_feedback_complete`,
    [`${region}%`],
  );
  const overdue = rows
    .flatMap((row) => {
      const next = awaitedStep(row.last_step);
      if (!next) return [];
      const dueOn = addDays(row.last_on, days[next]);
      return [{ memberId: row.member_id, nextStep: next, dueOn, daysOverdue: daysBetween(dueOn, date) }];
    })
    .filter((row) => row.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue)
    .slice(0, limit);
  const members = await em.find(PartyMemberEntity, { id: { $in: overdue.map((row) => row.memberId) } });
  const byId = new Map(members.map((member) => [member.id, member]));
  return overdue.map((row) => ({
    member: byId.get(row.memberId)! as PartyMemberRow,
    nextStep: row.nextStep,
    dueOn: row.dueOn,
    daysOverdue: row.daysOverdue,
  }));
}
