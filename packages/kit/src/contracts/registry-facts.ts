import type { MarketEntityKind } from './market-entity-kind.js';
import type { MarketEntityStatus } from './market-entity-status.js';
import type { FindingState, MemberCategory, MembershipStatus, RelationshipType } from './party-member-states.js';

/**
 * The facts registry publishes through the feed, as its owner defines them: the record types, and
 * the state of each dated period. Registry writes them; organizations (and later assessments) read
 * their copy by these types, never by re-declared shapes or string literals.
 */
export const RegistryFactType = {
  MarketEntity: 'MarketEntity',
  PartyMember: 'PartyMember',
} as const;
export type RegistryFactType = (typeof RegistryFactType)[keyof typeof RegistryFactType];

/** A market entity's state over a period. */
export interface MarketEntityFactState extends Record<string, unknown> {
  kind: MarketEntityKind;
  status: MarketEntityStatus;
  regionCode: string;
  /** Staff (从业人员); null when unknown. Organizations' coverage denominators may count by it. */
  employees: number | null;
  /**
   * The market it trades in (a vendor, 经营户), checked against registry's copy of markets' markets;
   * null when none. Absent from periods recorded before registry kept it: read it as null.
   */
  marketId?: string | null;
}

/** A party member's state over a period. */
export interface PartyMemberFactState extends Record<string, unknown> {
  regionCode: string;
  /** The unit the member works at: organizations count formal members per entity from it. */
  entityId: string;
  category: MemberCategory;
  relationshipType: RelationshipType;
  findingState: FindingState;
  sanliangDone: boolean;
  status: MembershipStatus;
  floatingFeedbackComplete: boolean;
}
