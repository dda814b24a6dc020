import { registerEnumType } from 'type-graphql';
import type { MarketFigures } from './market-figures.type.js';

/** A single market figure, to rank regions by or follow over time. */
export enum MarketFigure {
  MARKETS = 'MARKETS',
  IN_SCOPE = 'IN_SCOPE',
  SCOPE_SHARE = 'SCOPE_SHARE',
  STANDARDIZATION_RATE = 'STANDARDIZATION_RATE',
  VENDORS = 'VENDORS',
  VENDOR_MEMBERS = 'VENDOR_MEMBERS',
  PLATES_HUNG = 'PLATES_HUNG',
}

registerEnumType(MarketFigure, {
  name: 'MarketFigure',
  description: 'One market figure (a count, or a rate 0–1), as marketFigures answers it.',
  valuesConfig: {
    MARKETS: { description: 'Open markets (市场数).' },
    IN_SCOPE: { description: 'Markets in the standardization scope (规范化建设范围).' },
    SCOPE_SHARE: { description: 'Markets in scope ÷ open markets.' },
    STANDARDIZATION_RATE: {
      description: 'In-scope markets meeting all six 六化 items ÷ in-scope markets (规范化建设达标率).',
    },
    VENDORS: { description: 'Vendors (经营户) in open markets.' },
    VENDOR_MEMBERS: { description: 'Party members working at vendors (经营户党员).' },
    PLATES_HUNG: { description: 'Vendor members with a 三亮 plate hung ÷ vendor members (亮身份率).' },
  },
});

/** The figure's value in a region's figures: the count, or the rate's value (null without a denominator). */
export function marketFigureValue(figures: MarketFigures, figure: MarketFigure): number | null {
  switch (figure) {
    case MarketFigure.MARKETS:
      return figures.markets;
    case MarketFigure.IN_SCOPE:
      return figures.inScope;
    case MarketFigure.SCOPE_SHARE:
      return figures.scopeShare.value;
    case MarketFigure.STANDARDIZATION_RATE:
      return figures.standardizationRate.value;
    case MarketFigure.VENDORS:
      return figures.vendors;
    case MarketFigure.VENDOR_MEMBERS:
      return figures.vendorMembers;
    case MarketFigure.PLATES_HUNG:
      return figures.platesHung.value;
  }
}
