import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { DemonstrationItem } from './demonstration-item.js';

/** Whether one "五个一" item is in place in a market, checked on a day with its evidence; the latest on or before a date counts. */
export const DemonstrationRecordEntity = defineEntity({
  name: 'DemonstrationRecord',
  tableName: 'market_demonstration_record',
  uniques: [{ name: 'market_demonstration_record_unique', properties: ['marketId', 'item', 'recordedOn'] }],
  properties: {
    ...placedRecordProperties('market_demonstration_record'),
    marketId: p.uuid().index('market_demonstration_record_market_index'),
    item: p.enum(() => DemonstrationItem),
    inPlace: p.boolean(),
    evidence: p.text(),
    recordedOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type DemonstrationRecordRow = InferEntity<typeof DemonstrationRecordEntity>;
