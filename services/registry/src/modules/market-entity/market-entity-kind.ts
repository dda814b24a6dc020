import { registerEnumType } from 'type-graphql';

/** Kind of market entity (市场主体类型). */
export enum MarketEntityKind {
  SMALL_MICRO_ENTERPRISE = 'SMALL_MICRO_ENTERPRISE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  MARKET_OPERATOR = 'MARKET_OPERATOR',
}

registerEnumType(MarketEntityKind, {
  name: 'MarketEntityKind',
  description: 'Kind of market entity (市场主体类型).',
  valuesConfig: {
    SMALL_MICRO_ENTERPRISE: { description: 'Small or micro enterprise (小微企业)' },
    INDIVIDUAL_BUSINESS: { description: 'Individual business (个体工商户)' },
    MARKET_OPERATOR: { description: 'Market operator (市场举办者)' },
  },
});

/** Operating status (经营状态). */
export enum MarketEntityStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
}

registerEnumType(MarketEntityStatus, {
  name: 'MarketEntityStatus',
  description: 'Operating status (经营状态).',
  valuesConfig: {
    OPERATING: { description: 'Operating (在营)' },
    SUSPENDED: { description: 'Suspended (停歇业)' },
    DEREGISTERED: { description: 'Deregistered (注销); final' },
  },
});
