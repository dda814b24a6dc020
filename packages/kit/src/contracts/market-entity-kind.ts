import { registerEnumType } from 'type-graphql';

/**
 * Kind of market entity (市场主体类型): registry's, and the kind organizations (and later
 * assessments) count by in the facts registry feeds them — one enum in the supergraph.
 */
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
