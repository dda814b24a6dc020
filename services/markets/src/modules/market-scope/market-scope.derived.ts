import type { EntityManager } from '@mikro-orm/postgresql';
import { FactHistory, type DerivedFactDefinition, type Period } from '@xgz/kit';
import { marketsSettings } from '../../markets.settings.js';
import { marketFacts, type MarketFactState } from '../market-record/market.facts.js';
import { inScopeByRule, scopeRuleRevision } from './market-scope-rule.js';

/** Whether an open market is in the standardization scope (规范化建设范围) on a date, and why. */
export interface MarketScopeState extends Record<string, unknown> {
  regionCode: string;
  inScope: boolean;
  byRule: boolean;
  byHand: boolean;
}

export const scopeMetrics = {
  /** Open markets in scope, by the rule or by hand. */
  inScope: 'scope.in',
  /** In scope only because they were added by hand. */
  byHandOnly: 'scope.by_hand_only',
  all(): string[] {
    return [this.inScope, this.byHandOnly];
  },
};

/**
 * A market's scope as a derived dated fact of its own history: a change of grade, stars, flags or
 * status moves it in or out from that date (back-dated ones re-cut the past), and a change of the
 * configured rule re-derives every market before the subgraph serves.
 */
export const marketScopeFacts: DerivedFactDefinition<Period<MarketFactState>[], MarketScopeState> = {
  subjectType: 'MarketScope',
  get revision() {
    return `scope-1;${scopeRuleRevision(marketsSettings.get())}`;
  },
  subjects: { from: 'market', key: 'id' },
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.inScope ? [scopeMetrics.inScope, ...(state.byRule ? [] : [scopeMetrics.byHandOnly])] : [],
  breakpoints: (periods) => periods.flatMap((period) => (period.to ? [period.from, period.to] : [period.from])),
  stateOn: (periods, date) => {
    const market = periods.find((period) => period.from <= date && (period.to === null || date < period.to))?.state;
    if (!market?.open) return null;
    const byRule = inScopeByRule(market, marketsSettings.get());
    return {
      regionCode: market.regionCode,
      inScope: byRule || market.addedToScope,
      byRule,
      byHand: market.addedToScope,
    };
  },
  loadInputs: async (em: EntityManager, marketIds: readonly string[]) => {
    const histories = await new FactHistory(em, marketFacts).periodsOf(marketIds);
    return new Map(
      [...histories].map(([id, periods]) => [id, periods.map(({ from, to, state }) => ({ from, to, state }))]),
    );
  },
};
