import { RegistryFactType, type FactDefinition, type PartyMemberFactState } from '@xgz/kit';
import { FindingState, MemberCategory, MembershipStatus, RelationshipType } from './party-member-enums.js';

/** What of a member the figures follow: the state registry publishes (the kit's contract). */
export type { PartyMemberFactState } from '@xgz/kit';

export const memberMetrics = {
  total: 'member.total',
  category: (value: MemberCategory) => `member.category.${value}`,
  relationship: (value: RelationshipType) => `member.relationship.${value}`,
  finding: (value: FindingState) => `member.finding.${value}`,
  sanliangDone: 'member.sanliang.done',
  floatingFeedbackComplete: 'member.floating.feedbackComplete',
  all(): string[] {
    return [
      this.total,
      ...Object.values(MemberCategory).map(this.category),
      ...Object.values(RelationshipType).map(this.relationship),
      ...Object.values(FindingState).map(this.finding),
      this.sanliangDone,
      this.floatingFeedbackComplete,
    ];
  },
};

/**
 * A member on the books counts in every figure; a false record counts only as a false record; a
 * member who left counts nowhere from that date.
 */
export const partyMemberFacts: FactDefinition<PartyMemberFactState> = {
  subjectType: RegistryFactType.PartyMember,
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => {
    if (state.status !== MembershipStatus.ACTIVE) return [];
    if (state.findingState === FindingState.FALSE_RECORD) return [memberMetrics.finding(FindingState.FALSE_RECORD)];
    const metrics = [
      memberMetrics.total,
      memberMetrics.category(state.category),
      memberMetrics.relationship(state.relationshipType),
      memberMetrics.finding(state.findingState),
    ];
    if (state.sanliangDone) metrics.push(memberMetrics.sanliangDone);
    if (state.relationshipType === RelationshipType.FLOATING && state.floatingFeedbackComplete)
      metrics.push(memberMetrics.floatingFeedbackComplete);
    return metrics;
  },
};
