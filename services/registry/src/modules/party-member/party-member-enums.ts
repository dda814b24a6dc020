import { registerEnumType } from 'type-graphql';

export enum MemberCategory {
  FORMAL = 'FORMAL',
  PROBATIONARY = 'PROBATIONARY',
}

export enum MemberDistribution {
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  IN_MARKET_INDIVIDUAL_BUSINESS = 'IN_MARKET_INDIVIDUAL_BUSINESS',
  SMALL_MICRO_ENTERPRISE = 'SMALL_MICRO_ENTERPRISE',
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

export enum FoundVia {
  BUSINESS_REGISTRATION = 'BUSINESS_REGISTRATION',
  ANNUAL_REPORT = 'ANNUAL_REPORT',
  MARKET_SUPERVISION = 'MARKET_SUPERVISION',
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  MEMBER_REFERRAL = 'MEMBER_REFERRAL',
}

export enum TransferStatus {
  NOT_NEEDED = 'NOT_NEEDED',
  PENDING = 'PENDING',
  TRANSFERRED = 'TRANSFERRED',
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
registerEnumType(MemberDistribution, {
  name: 'MemberDistribution',
  description: 'Where the member works (党员分布).',
  valuesConfig: {
    INDIVIDUAL_BUSINESS: { description: 'Individual business (个体工商户)' },
    IN_MARKET_INDIVIDUAL_BUSINESS: { description: 'Individual business inside a market (市场内个体工商户)' },
    SMALL_MICRO_ENTERPRISE: { description: 'Small/micro enterprise (小微企业)' },
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
registerEnumType(FoundVia, {
  name: 'FoundVia',
  description: 'How the member was found ("六找").',
  valuesConfig: {
    BUSINESS_REGISTRATION: { description: 'Business registration (登记注册找)' },
    ANNUAL_REPORT: { description: 'Annual report (年报找)' },
    MARKET_SUPERVISION: { description: 'Market supervision (市场监管找)' },
    PHONE: { description: 'Phone (电话找)' },
    VISIT: { description: 'Door-to-door visit (上门找)' },
    MEMBER_REFERRAL: { description: 'Member to member (党员找党员)' },
  },
});
registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: 'Transfer of the organization relationship (组织关系转接).',
  valuesConfig: {
    NOT_NEEDED: { description: 'No transfer needed' },
    PENDING: { description: 'Should be transferred (fixed destination for 6 months or more), not yet done' },
    TRANSFERRED: { description: 'Transferred' },
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
