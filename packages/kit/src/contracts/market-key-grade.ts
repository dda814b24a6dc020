import { registerEnumType } from 'type-graphql';

/** A key-market grade (重点市场) given by the market-regulation authority; a market without one has none. */
export enum MarketKeyGrade {
  PROVINCIAL_KEY = 'PROVINCIAL_KEY',
  REGIONAL_KEY = 'REGIONAL_KEY',
}

registerEnumType(MarketKeyGrade, {
  name: 'MarketKeyGrade',
  description: 'Key-market grade (重点市场等级); null for a market without one.',
  valuesConfig: {
    PROVINCIAL_KEY: { description: 'Provincial key market (省级重点市场).' },
    REGIONAL_KEY: { description: 'Regional key market (区域性重点市场).' },
  },
});
