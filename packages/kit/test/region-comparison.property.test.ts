/**
 * Ranking, change and change bases against brute-force models: ties, nulls and duplicates in any
 * order; change bases walked day by day backwards from the end date, leap days and report dates
 * themselves included; the division tree's children checked against its parent relation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, changeBaseDate, divisionChildren, figureChange, rankRegions } from '../src/index.js';

const RUNS = { numRuns: 300 };

const entriesArb = fc.uniqueArray(
  fc.record({
    code: fc.integer({ min: 1000, max: 1099 }).map(String),
    value: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 4 }).map((n) => n / 4),
    ),
  }),
  { selector: (entry) => entry.code, maxLength: 12 },
);

describe('rankings against a model', () => {
  it('ranks every region once, ties shared, nulls last: a rank is 1 + the regions strictly better', () => {
    fc.assert(
      fc.property(entriesArb, fc.constantFrom('DESC' as const, 'ASC' as const), (entries, direction) => {
        const ranked = rankRegions(entries, direction);
        expect(ranked.map((row) => row.code).sort()).toEqual(entries.map((entry) => entry.code).sort());
        const better = (a: number | null, b: number | null) =>
          a !== null && (b === null || (direction === 'DESC' ? a > b : a < b));
        for (const row of ranked) {
          expect(row.rank).toBe(1 + entries.filter((other) => better(other.value, row.value)).length);
        }
        // In order: ranks never fall, and equal ranks are in code order.
        for (let index = 1; index < ranked.length; index++) {
          const [previous, current] = [ranked[index - 1]!, ranked[index]!];
          expect(current.rank).toBeGreaterThanOrEqual(previous.rank);
          if (current.rank === previous.rank) expect(current.code > previous.code).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('changes against a model', () => {
  it('is the difference, and relative to the earlier value unless it is 0 or unknown', () => {
    const valueArb = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(valueArb, valueArb, (from, to) => {
        const change = figureChange(from, to);
        if (from === null || to === null)
          expect(change).toEqual({ fromValue: from, toValue: to, absolute: null, relative: null });
        else {
          expect(change.absolute).toBe(to - from);
          expect(change.relative).toBe(from === 0 ? null : (to - from) / Math.abs(from));
        }
      }),
      RUNS,
    );
  });

  const endArb = fc.integer({ min: 0, max: 4 * 366 }).map((offset) => addDays('2022-12-25', offset));

  it('measures from the last June 30, or the last report date, strictly before the end: found walking back day by day', () => {
    fc.assert(
      fc.property(endArb, (to) => {
        const walkBack = (accept: (monthDay: string) => boolean) => {
          let day = addDays(to, -1);
          while (!accept(day.slice(5))) day = addDays(day, -1);
          return day;
        };
        expect(changeBaseDate('SINCE_LAST_JUNE_30', to)).toBe(walkBack((md) => md === '06-30'));
        expect(changeBaseDate('SINCE_LAST_REPORT_DATE', to)).toBe(walkBack((md) => md === '06-30' || md === '12-31'));
      }),
      RUNS,
    );
  });

  it('measures year on year from the same day a year before, or that month’s last day (Feb 29 → Feb 28)', () => {
    fc.assert(
      fc.property(endArb, (to) => {
        const [year, month, dayOfMonth] = to.split('-').map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
        const expected = `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(dayOfMonth, lastDay)).padStart(2, '0')}`;
        expect(changeBaseDate('YEAR_ON_YEAR', to)).toBe(expected);
      }),
      RUNS,
    );
    expect(changeBaseDate('YEAR_ON_YEAR', '2024-02-29')).toBe('2023-02-28');
    expect(changeBaseDate('SINCE_LAST_JUNE_30', '2024-06-30')).toBe('2023-06-30');
    expect(changeBaseDate('SINCE_LAST_REPORT_DATE', '2025-01-01')).toBe('2024-12-31');
  });
});

describe('the division tree’s children', () => {
  it('are the regions one level down: cities of a province, counties of a city, townships of a county', () => {
    const cities = divisionChildren('33');
    expect(cities).toHaveLength(11);
    expect(cities).toContain('3301');
    expect(divisionChildren('3301').every((code) => code.length === 6 && code.startsWith('3301'))).toBe(true);
    expect(divisionChildren('330106')).toContain('330106002');
    // A city without counties (东莞) has one county-level placeholder, and its towns under that.
    expect(divisionChildren('4419')).toEqual(['441900']);
    expect(divisionChildren('441900').length).toBeGreaterThan(20);
    expect(divisionChildren('330106002')).toEqual([]);
  });
});
