import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { StandardItem } from './standard-item.js';

/**
 * An answer to one "六化" item for a market and year, with its evidence and the day it was
 * recorded: the latest answer of the year on or before a date counts then. Placed at the market's region.
 */
export const MarketStandardRecordEntity = defineEntity({
  name: 'MarketStandardRecord',
  tableName: 'market_standard_record',
  // One answer per item a day: answered again that day, it replaces the first.
  uniques: [{ name: 'market_standard_record_unique', properties: ['marketId', 'year', 'item', 'recordedOn'] }],
  properties: {
    ...placedRecordProperties('market_standard_record'),
    marketId: p.uuid().index('market_standard_record_market_index'),
    year: p.integer(),
    item: p.enum(() => StandardItem),
    met: p.boolean(),
    evidence: p.text(),
    recordedOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type MarketStandardRecordRow = InferEntity<typeof MarketStandardRecordEntity>;
