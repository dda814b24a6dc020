import { registerEnumType } from 'type-graphql';

/** What a market trades and how (市场类型). */
export enum MarketType {
  PROFESSIONAL = 'PROFESSIONAL',
  COMPREHENSIVE = 'COMPREHENSIVE',
  FARMERS = 'FARMERS',
}

registerEnumType(MarketType, {
  name: 'MarketType',
  description: 'The kind of market (市场类型).',
  valuesConfig: {
    PROFESSIONAL: { description: 'Professional market (专业市场): one trade, e.g. clothing, timber, hardware.' },
    COMPREHENSIVE: { description: 'Comprehensive commodity trading market (综合市场).' },
    FARMERS: { description: "Farmers' market (农贸市场)." },
  },
});
