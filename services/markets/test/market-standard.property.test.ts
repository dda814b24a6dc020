/**
 * A market's "六化" standardization over time against a brute-force model: for any answers (items,
 * met or not, several a day or out of order, across two years) and any open/closed history, the
 * derived periods give on every day exactly what the answers of that day's year recorded by then say.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, derivePeriods, MarketType, type MarketFactState, type Period } from '@xgz/kit';
import { marketStandardFacts, type StandardRecord } from '../src/modules/standard/market-standard.derived.js';
import { STANDARD_ITEMS } from '../src/modules/standard/standard-item.js';

const START = '2020-11-01';
const dayArb = fc.integer({ min: 0, max: 120 }).map((offset) => addDays(START, offset));
const recordArb: fc.Arbitrary<StandardRecord> = fc
  .record({ item: fc.constantFrom(...STANDARD_ITEMS), met: fc.boolean(), recordedOn: dayArb })
  .map((record) => ({ ...record, year: Number(record.recordedOn.slice(0, 4)) }));

const market = (open: boolean, stars: number | null): MarketFactState => ({
  regionCode: '330106002',
  type: MarketType.FARMERS,
  keyGrade: null,
  stars,
  inCityDistrict: true,
  countyCentre: false,
  open,
  addedToScope: false,
});
/** Open from START, perhaps closed and reopened, stars changing. */
const historyArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.boolean(), fc.constantFrom(null, 3, 4)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => {
    let from = START;
    return parts.map(([length, open, stars], index): Period<MarketFactState> => {
      const to = index === parts.length - 1 ? null : addDays(from, length);
      const period = { from, to, state: market(index === 0 || open, stars) };
      from = to ?? from;
      return period;
    });
  });

const holding = <State>(periods: readonly Period<State>[], day: string) =>
  periods.find((period) => period.from <= day && (period.to === null || day < period.to));

describe('the derived standardization', () => {
  it('equals, day by day, all six items of the year answered met by then', () => {
    fc.assert(
      fc.property(historyArb, fc.array(recordArb, { maxLength: 30 }), (history, records) => {
        // One answer per item a day (the table's unique key): the last given stands.
        const byKey = new Map(records.map((record) => [`${record.item}@${record.recordedOn}`, record]));
        const answers = [...byKey.values()];
        const derived = derivePeriods(marketStandardFacts, { market: history, records: answers });
        for (let day = addDays(START, -1); day <= addDays(START, 200); day = addDays(day, 1)) {
          const state = holding(history, day)?.state;
          const latest = (item: string) =>
            answers
              .filter(
                (record) => record.item === item && record.year === Number(day.slice(0, 4)) && record.recordedOn <= day,
              )
              .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn))
              .at(-1);
          const expected = state?.open
            ? {
                regionCode: state.regionCode,
                standardized: STANDARD_ITEMS.every((item) => latest(item)?.met === true),
                inScope: (state.stars ?? 0) >= 4,
              }
            : null;
          expect(holding(derived, day)?.state ?? null, day).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
