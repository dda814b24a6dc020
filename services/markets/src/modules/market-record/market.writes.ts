import { datedAggregate } from '@xgz/kit';
import { TradingMarketEntity, type MarketRow } from './market.entity.js';
import { marketFacts, type MarketFactState } from './market.facts.js';

/** What of a market its dated history (and the figures, and its scope) follow. */
export const marketFactState = (row: MarketRow): MarketFactState => ({
  regionCode: row.regionCode,
  type: row.type,
  keyGrade: row.keyGrade ?? null,
  stars: row.stars ?? null,
  inCityDistrict: row.inCityDistrict,
  countyCentre: row.countyCentre,
  open: row.closedOn == null,
  addedToScope: row.scopeReason != null,
});

/** The kit's dated-write recipe bound to markets: their table, history and audit subject. */
export const marketWrites = datedAggregate<MarketRow, MarketFactState>({
  entity: TradingMarketEntity,
  what: 'market',
  subjectType: marketFacts.subjectType,
  history: { facts: marketFacts, stateOf: marketFactState },
});
