import { registerEnumType } from 'type-graphql';

/** The states registry feeds others are in the kit's contracts (one definition for owner and consumers). */
export { FindingState, MemberCategory, MembershipStatus, RelationshipType } from '@xgz/kit';

export enum MemberDistribution {
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  IN_MARKET_INDIVIDUAL_BUSINESS = 'IN_MARKET_INDIVIDUAL_BUSINESS',
  SMALL_MICRO_ENTERPRISE = 'SMALL_MICRO_ENTERPRISE',
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

registerEnumType(MemberDistribution, {
  name: 'MemberDistribution',
  description: 'Where the member works (党员分布).',
  valuesConfig: {
    INDIVIDUAL_BUSINESS: { description: 'Individual business (个体工商户)' },
    IN_MARKET_INDIVIDUAL_BUSINESS: { description: 'Individual business inside a market (市场内个体工商户)' },
    SMALL_MICRO_ENTERPRISE: { description: 'Small/micro enterprise (小微企业)' },
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
