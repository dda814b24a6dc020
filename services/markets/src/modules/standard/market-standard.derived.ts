import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, type DerivedFactDefinition, type MarketFactState, type Period } from '@xgz/kit';
import { marketsSettings } from '../../markets.settings.js';
import { marketFacts } from '../market-record/market.facts.js';
import { inScopeByRule, scopeRuleRevision } from '../market-scope/market-scope-rule.js';
import { MarketStandardRecordEntity } from './market-standard-record.entity.js';
import { STANDARD_ITEMS, type StandardItem } from './standard-item.js';

export interface StandardRecord {
  year: number;
  item: StandardItem;
  met: boolean;
  recordedOn: string;
}

export interface StandardizationInputs {
  market: Period<MarketFactState>[];
  records: StandardRecord[];
}

/** An open market on a date: whether it meets all six items this year (规范化达标), and whether it is in scope. */
export interface StandardizationState extends Record<string, unknown> {
  regionCode: string;
  standardized: boolean;
  inScope: boolean;
}

export const standardMetrics = {
  standardized: 'standard.met',
  standardizedInScope: 'standard.met_in_scope',
  all(): string[] {
    return [this.standardized, this.standardizedInScope];
  },
};

/** Each item's latest answer of `date`'s year recorded on or before it (undefined when none). */
export function answersOn(records: readonly StandardRecord[], date: string): Map<StandardItem, boolean> {
  const year = Number(date.slice(0, 4));
  const latest = new Map<StandardItem, StandardRecord>();
  for (const record of records) {
    if (record.year !== year || record.recordedOn > date) continue;
    const seen = latest.get(record.item);
    if (!seen || record.recordedOn >= seen.recordedOn) latest.set(record.item, record);
  }
  return new Map([...latest].map(([item, record]) => [item, record.met]));
}

/**
 * A market's standardization as a derived dated fact: met from the day the last of the six items of
 * the year is answered met, until an item is answered not met or the year ends (each year is
 * assessed afresh); counted with its scope, so the rate is standardized in-scope markets ÷ in-scope
 * markets. A closed market has no state.
 */
export const marketStandardFacts: DerivedFactDefinition<StandardizationInputs, StandardizationState> = {
  subjectType: 'MarketStandardization',
  get revision() {
    return `standard-1;${scopeRuleRevision(marketsSettings.get())}`;
  },
  subjects: { from: 'market', key: 'id' },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.standardized
      ? [standardMetrics.standardized, ...(state.inScope ? [standardMetrics.standardizedInScope] : [])]
      : [],
  breakpoints: (inputs) => [
    ...inputs.market.flatMap((period) => (period.to ? [period.from, period.to] : [period.from])),
    ...inputs.records.flatMap((record) => [record.recordedOn, `${record.year + 1}-01-01`]),
  ],
  stateOn: (inputs, date) => {
    const market = inputs.market.find(
      (period) => period.from <= date && (period.to === null || date < period.to),
    )?.state;
    if (!market?.open) return null;
    const answers = answersOn(inputs.records, date);
    return {
      regionCode: market.regionCode,
      standardized: STANDARD_ITEMS.every((item) => answers.get(item) === true),
      inScope: inScopeByRule(market, marketsSettings.get()) || market.addedToScope,
    };
  },
  loadInputs: async (em: EntityManager, marketIds: readonly string[]) => {
    const histories = await new FactHistory(em, marketFacts).periodsOf(marketIds);
    const rows = await em.find(MarketStandardRecordEntity, { marketId: { $in: [...marketIds] } });
    const inputs = new Map<string, StandardizationInputs>(
      marketIds.map((id) => [
        id,
        { market: (histories.get(id) ?? []).map(({ from, to, state }) => ({ from, to, state })), records: [] },
      ]),
    );
    for (const row of rows)
      inputs
        .get(row.marketId)
        ?.records.push({ year: row.year, item: row.item, met: row.met, recordedOn: row.recordedOn });
    return inputs;
  },
};
