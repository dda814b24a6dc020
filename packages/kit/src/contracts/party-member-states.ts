import { registerEnumType } from 'type-graphql';

/** A party member's states that registry feeds others (in PartyMember facts); registry's schema publishes them. */
export enum MemberCategory {
  FORMAL = 'FORMAL',
  PROBATIONARY = 'PROBATIONARY',
}

export enum RelationshipType {
  AFFILIATED = 'AFFILIATED',
  LOCAL = 'LOCAL',
  FLOATING = 'FLOATING',
}

export enum FindingState {
  POCKET = 'POCKET',
  HIDDEN = 'HIDDEN',
  LOST_CONTACT = 'LOST_CONTACT',
  FOUND = 'FOUND',
  VERIFIED = 'VERIFIED',
  FALSE_RECORD = 'FALSE_RECORD',
}

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
  MOVED_OUT = 'MOVED_OUT',
}

registerEnumType(MemberCategory, {
  name: 'MemberCategory',
  description: 'Member category (党员类别).',
  valuesConfig: {
    FORMAL: { description: 'Formal member (正式党员)' },
    PROBATIONARY: { description: 'Probationary member (预备党员)' },
  },
});
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'How the member relates to the local organization.',
  valuesConfig: {
    AFFILIATED: { description: 'Affiliated (隶属): relationship held by an association branch' },
    LOCAL: { description: 'Local (属地): relationship in the local township or community' },
    FLOATING: { description: 'Floating (流动): relationship, work and household places all differ' },
  },
});
registerEnumType(FindingState, {
  name: 'FindingState',
  description: 'Where the search for the member stands (找党员).',
  valuesConfig: {
    POCKET: { description: 'Pocket member (口袋党员): relationship letter never handed in' },
    HIDDEN: { description: 'Hidden member (隐形党员): never disclosed' },
    LOST_CONTACT: { description: 'Lost contact (失联党员)' },
    FOUND: { description: 'Found (已找到)' },
    VERIFIED: { description: 'Identity verified (已核实)' },
    FALSE_RECORD: { description: 'False record (虚假信息): removed from the figures, kept for the audit trail; final' },
  },
});
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description:
    'Whether the member is still on the local books. Members are never deleted: they leave with a reason and a date.',
  valuesConfig: {
    ACTIVE: { description: 'On the books' },
    LEFT: { description: 'Left (e.g. died, expelled, stopped business here)' },
    MOVED_OUT: { description: 'Moved away; relationship transferred out' },
  },
});
