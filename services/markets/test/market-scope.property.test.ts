/**
 * A market's scope over time against a brute-force model: for any history of ratings and flags
 * (adjacent periods of random states, closed and reopened ones included), the derived periods give on
 * every day exactly the rule applied to that day's state — no gap, no overlap, no empty period.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, derivePeriods, type Period, MarketKeyGrade, MarketType } from '@xgz/kit';
import { marketsSettings } from '../src/markets.settings.js';
import { inScopeByRule } from '../src/modules/market-scope/market-scope-rule.js';
import { marketScopeFacts } from '../src/modules/market-scope/market-scope.derived.js';
import type { MarketFactState } from '../src/modules/market-record/market.facts.js';

const stateArb: fc.Arbitrary<MarketFactState> = fc.record({
  regionCode: fc.constantFrom('330106002', '330106004'),
  type: fc.constantFrom(...Object.values(MarketType)),
  keyGrade: fc.constantFrom(null, ...Object.values(MarketKeyGrade)),
  stars: fc.constantFrom(null, 1, 2, 3, 4, 5),
  inCityDistrict: fc.boolean(),
  countyCentre: fc.boolean(),
  open: fc.boolean(),
  addedToScope: fc.boolean(),
});

/** Adjacent periods from 2020-01-01: lengths 1–40 days (same-day neighbours impossible, as in a history), the last open-ended or not. */
const historyArb = fc
  .tuple(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), stateArb), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([parts, openEnded]) => {
    let from = '2020-01-01';
    return parts.map(([length, state], index): Period<MarketFactState> => {
      const to = index === parts.length - 1 && openEnded ? null : addDays(from, length);
      const period = { from, to, state };
      from = to ?? from;
      return period;
    });
  });

const holding = <State>(periods: readonly Period<State>[], day: string) =>
  periods.find((period) => period.from <= day && (period.to === null || day < period.to));

describe('the derived scope', () => {
  it('equals the rule applied day by day to the market’s state', () => {
    const settings = marketsSettings.get();
    fc.assert(
      fc.property(historyArb, (history) => {
        const derived = derivePeriods(marketScopeFacts, history);
        for (const [index, period] of derived.entries()) {
          expect(period.to === null || period.to > period.from, 'no empty period').toBe(true);
          if (index > 0) expect(period.from >= derived[index - 1]!.to!, 'in order, no overlap').toBe(true);
        }
        const last = history.at(-1)!;
        const end = last.to ? addDays(last.to, 2) : addDays(last.from, 5);
        for (let day = addDays('2020-01-01', -1); day <= end; day = addDays(day, 1)) {
          const market = holding(history, day)?.state;
          const byRule = market ? inScopeByRule(market, settings) : false;
          const expected = market?.open
            ? {
                regionCode: market.regionCode,
                inScope: byRule || market.addedToScope,
                byRule,
                byHand: market.addedToScope,
              }
            : null;
          expect(holding(derived, day)?.state ?? null, day).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
