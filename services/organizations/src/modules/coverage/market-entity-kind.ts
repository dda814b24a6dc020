import { registerEnumType } from 'type-graphql';

/** Registry's kinds of market entity, as organizations counts by them (same enum in the supergraph). */
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

/** Enterprises (企业) for the ENTERPRISES denominator: every kind but individual businesses, which are not legal persons. */
export const ENTERPRISE_KINDS = [MarketEntityKind.SMALL_MICRO_ENTERPRISE, MarketEntityKind.MARKET_OPERATOR];
