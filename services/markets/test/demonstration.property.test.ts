/**
 * A market's "五个一" site over time against a brute-force model: for any checks (items in place or
 * gone, several on a day or out of order) and any open/closed history, the derived periods give on
 * every day exactly what the latest check of each item by then says — no overlap, no empty period, nothing while closed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, derivePeriods, MarketType, type MarketFactState, type Period } from '@xgz/kit';
import { demonstrationFacts, type DemonstrationCheck } from '../src/modules/demonstration/demonstration.derived.js';
import { DEMONSTRATION_ITEMS } from '../src/modules/demonstration/demonstration-item.js';

const START = '2021-01-01';
const dayArb = fc.integer({ min: 0, max: 90 }).map((offset) => addDays(START, offset));
const checkArb: fc.Arbitrary<DemonstrationCheck> = fc.record({
  item: fc.constantFrom(...DEMONSTRATION_ITEMS),
  inPlace: fc.boolean(),
  recordedOn: dayArb,
});
const state = (open: boolean): MarketFactState => ({
  regionCode: '330106002',
  type: MarketType.COMPREHENSIVE,
  keyGrade: null,
  stars: null,
  inCityDistrict: false,
  countyCentre: false,
  open,
  addedToScope: false,
});
const historyArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((parts) => {
    let from = START;
    return parts.map(([length, open], index): Period<MarketFactState> => {
      const to = index === parts.length - 1 ? null : addDays(from, length);
      const period = { from, to, state: state(index === 0 || open) };
      from = to ?? from;
      return period;
    });
  });
const holding = <State>(periods: readonly Period<State>[], day: string) =>
  periods.find((period) => period.from <= day && (period.to === null || day < period.to));

describe('the derived demonstration site', () => {
  it('equals, day by day, all five items checked in place by then', () => {
    fc.assert(
      fc.property(historyArb, fc.array(checkArb, { maxLength: 25 }), (history, drawn) => {
        // One check per item a day (the table's unique key): the last given stands.
        const checks = [...new Map(drawn.map((check) => [`${check.item}@${check.recordedOn}`, check])).values()];
        const derived = derivePeriods(demonstrationFacts, { market: history, checks });
        for (const [index, period] of derived.entries()) {
          expect(period.to === null || period.to > period.from, 'no empty period').toBe(true);
          // A closed market has no state: a gap there, never an overlap.
          if (index > 0) expect(period.from >= derived[index - 1]!.to!, 'in order, no overlap').toBe(true);
        }
        for (let day = addDays(START, -1); day <= addDays(START, 180); day = addDays(day, 1)) {
          const market = holding(history, day)?.state;
          const latest = (item: string) =>
            checks
              .filter((check) => check.item === item && check.recordedOn <= day)
              .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn))
              .at(-1);
          const expected = market?.open
            ? {
                regionCode: market.regionCode,
                site: DEMONSTRATION_ITEMS.every((item) => latest(item)?.inPlace === true),
              }
            : null;
          expect(holding(derived, day)?.state ?? null, day).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
