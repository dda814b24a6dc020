import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { HonourLevel } from '../market-record/honour-level.js';

/** An honour a market was given (文明诚信市场…), by a city or the province, in a year; placed at the market's region. */
export const MarketHonourEntity = defineEntity({
  name: 'MarketHonour',
  tableName: 'market_honour',
  uniques: [{ name: 'market_honour_unique', properties: ['marketId', 'title', 'level', 'year'] }],
  properties: {
    ...placedRecordProperties('market_honour'),
    marketId: p.uuid().index('market_honour_market_index'),
    title: p.text(),
    level: p.enum(() => HonourLevel),
    year: p.integer(),
  },
  policies: placedRecordPolicies,
});

export type MarketHonourRow = InferEntity<typeof MarketHonourEntity>;
