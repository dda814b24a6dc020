/**
 * The period algebra against a brute-force model that walks the days one by one. Periods are drawn
 * from a 31-day window and include zero-length ([D, D)), reversed, adjacent, same-day, duplicated
 * and out-of-order ones; the model looks 10 days past the window, so an open period is told from a
 * closed one. Every function must terminate and agree with the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  applyForward,
  anyCovers,
  firstDay,
  foldToDeltas,
  isEmptySpan,
  latestOnOrBefore,
  mergeRuns,
  periodDiff,
  periodsFromBreakpoints,
  runContaining,
  spanContains,
  spanCovers,
  spansOverlap,
  splitAt,
  type Period,
  withinMonthsAfterAny,
  type Span,
} from '../src/index.js';

const BASE = '2024-02-20';
const WINDOW = 30;
const HORIZON = WINDOW + 10;
const day = (index: number) => addDays(BASE, index);
const DAYS = Array.from({ length: HORIZON + 1 }, (_, index) => day(index));

const dayArb = fc.integer({ min: 0, max: WINDOW }).map(day);
/** Ends near their start (zero-length, one day, reversed) as often as anywhere else, and open ones. */
const spanArb: fc.Arbitrary<Span> = fc
  .tuple(
    fc.integer({ min: 0, max: WINDOW }),
    fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 3 }), fc.integer({ min: 0, max: WINDOW })),
    fc.boolean(),
  )
  .map(([from, end, relative]) => ({
    from: day(from),
    to: end === null ? null : day(Math.max(0, Math.min(WINDOW, relative ? from + end : end))),
  }));
const spansArb = fc.array(spanArb, { maxLength: 8 });

/** The model: the days a span holds, walked one by one. */
const daysOf = (span: Span) => DAYS.filter((date) => date >= span.from && (span.to === null || date < span.to));
const coveredBy = (spans: readonly Span[]) => new Set(spans.flatMap(daysOf));

const RUNS = { numRuns: 400 };

describe('period algebra against a day-by-day model', () => {
  it('covers exactly the days a span holds; a zero-length or reversed span holds on none', () => {
    fc.assert(
      fc.property(spanArb, (span) => {
        const days = new Set(daysOf(span));
        for (const date of DAYS) expect(spanCovers(span, date)).toBe(days.has(date));
        expect(isEmptySpan(span)).toBe(days.size === 0);
      }),
      RUNS,
    );
  });

  it('contains and overlaps as the days say', () => {
    fc.assert(
      fc.property(spanArb, spanArb, (outer, inner) => {
        const outerDays = new Set(daysOf(outer));
        expect(spanContains(outer, inner)).toBe(daysOf(inner).every((date) => outerDays.has(date)));
        expect(spansOverlap(outer, inner)).toBe(daysOf(inner).some((date) => outerDays.has(date)));
      }),
      RUNS,
    );
  });

  it('merges any spans into disjoint, non-adjacent, ordered runs covering the same days', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const runs = mergeRuns(spans);
        expect(coveredBy(runs)).toEqual(coveredBy(spans));
        for (const run of runs) expect(isEmptySpan(run)).toBe(false);
        for (let index = 1; index < runs.length; index++) {
          const previous = runs[index - 1]!;
          expect(previous.to).not.toBeNull();
          expect(previous.to! < runs[index]!.from).toBe(true);
        }
        for (const date of DAYS) expect(anyCovers(spans, date)).toBe(coveredBy(spans).has(date));
        expect(firstDay(spans)).toBe(DAYS.find((date) => coveredBy(spans).has(date)) ?? null);
      }),
      RUNS,
    );
  });

  it('finds the unbroken run of days containing a date', () => {
    fc.assert(
      fc.property(spansArb, dayArb, (spans, date) => {
        const covered = coveredBy(spans);
        const run = runContaining(spans, date);
        if (!covered.has(date)) {
          expect(run).toBeNull();
          return;
        }
        const index = DAYS.indexOf(date);
        let first = index;
        while (first > 0 && covered.has(DAYS[first - 1]!)) first--;
        let last = index;
        while (last < HORIZON && covered.has(DAYS[last + 1]!)) last++;
        expect(run).toEqual({ from: DAYS[first], to: last === HORIZON ? null : DAYS[last + 1] });
      }),
      RUNS,
    );
  });

  it('splits periods at breakpoints into pieces that tile each period and contain no breakpoint inside', () => {
    fc.assert(
      fc.property(spansArb, fc.array(dayArb, { maxLength: 6 }), (spans, points) => {
        const periods = spans.map((span, index) => ({ ...span, state: index }));
        const pieces = splitAt(periods, points);
        for (const period of periods) {
          const own = pieces.filter((piece) => piece.state === period.state);
          expect(coveredBy(own)).toEqual(coveredBy([period]));
          expect(own.map(daysOf).flat()).toHaveLength(daysOf(period).length);
        }
        for (const piece of pieces) {
          expect(isEmptySpan(piece)).toBe(false);
          for (const point of points) expect(point > piece.from && (piece.to === null || point < piece.to)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('derives from breakpoints the state of every day, equal neighbours merged', () => {
    const stateArb = fc.constantFrom('a', 'b', null);
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, stateArb), { maxLength: 10 }), (assigned) => {
        // The state can only change on a breakpoint: what the last breakpoint on or before a day set.
        const byDay = new Map(assigned);
        const modelOn = (date: string) => {
          const last = [...byDay.keys()]
            .filter((point) => point <= date)
            .sort()
            .at(-1);
          return last === undefined ? null : byDay.get(last)!;
        };
        const periods = periodsFromBreakpoints(
          [...byDay.keys(), ...byDay.keys()],
          (date) => byDay.get(date) ?? null,
          (state) => state,
        );
        for (const date of DAYS) {
          const holding = periods.filter((period) => spanCovers(period, date));
          expect(holding.length).toBeLessThanOrEqual(1);
          expect(holding[0]?.state ?? null).toBe(modelOn(date));
        }
        for (let index = 1; index < periods.length; index++) {
          const [previous, next] = [periods[index - 1]!, periods[index]!];
          if (previous.to === next.from) expect(previous.state).not.toBe(next.state);
        }
      }),
      RUNS,
    );
  });

  it('applies a change forward from a date: earlier days unchanged, later days patched, empty periods dropped', () => {
    // One record's history: consecutive periods (possibly with gaps), a zero-length one slipped in, shuffled.
    const historyArb = fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: WINDOW }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: WINDOW }),
        fc.boolean(),
      )
      .map(([cuts, open, emptyAt, gap]) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const periods: Period<number>[] = [];
        for (let index = 0; index + 1 < sorted.length; index++) {
          if (gap && index === 1) continue;
          periods.push({ from: day(sorted[index]!), to: day(sorted[index + 1]!), state: index });
        }
        if (open) periods.push({ from: day(sorted.at(-1)!), to: null, state: 99 });
        periods.push({ from: day(emptyAt), to: day(emptyAt), state: -1 });
        return periods.reverse();
      });
    fc.assert(
      fc.property(historyArb, dayArb, (periods, date) => {
        const before = (on: string) => periods.find((period) => spanCovers(period, on))?.state;
        const change = applyForward(periods, date, (state) => state + 1000);
        const lasting = periods.filter((period) => !isEmptySpan(period));
        const start = lasting.map((period) => period.from).sort()[0];
        if (start === undefined || date < start) {
          expect(change).toBeNull();
          return;
        }
        for (const on of DAYS) {
          const after = change!.periods.filter((period) => spanCovers(period, on));
          const old = before(on);
          if (old === undefined) expect(after).toHaveLength(0);
          else expect(after.map((period) => period.state)).toEqual([on < date ? old : old + 1000]);
        }
        for (const period of [...change!.periods, ...change!.added]) expect(isEmptySpan(period)).toBe(false);
        expect(change!.removed.filter(isEmptySpan)).toHaveLength(periods.length - lasting.length);
      }),
      RUNS,
    );
  });

  it('diffs two sets of periods so that removing and adding turns one into the other', () => {
    const keyed = fc.array(
      spanArb.chain((span) => fc.constantFrom('x', 'y').map((state) => ({ ...span, state }))),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(keyed, keyed, (before, after) => {
        const key = (period: Period<string>) => `${period.from}|${period.to}|${period.state}`;
        const diff = periodDiff(before, after, key, key);
        const result = new Set([
          ...before.map(key).filter((k) => !diff.removed.map(key).includes(k)),
          ...diff.added.map(key),
        ]);
        expect(result).toEqual(new Set(after.map(key)));
      }),
      RUNS,
    );
  });

  it('folds signed spans into deltas whose running sum is the count on every day', () => {
    const signedArb = fc.array(fc.tuple(fc.constantFrom('k1', 'k2'), spanArb, fc.constantFrom(1, -1)), {
      maxLength: 10,
    });
    fc.assert(
      fc.property(signedArb, (items) => {
        const deltas = foldToDeltas(items.map(([key, span, sign]) => ({ key, span, sign })));
        for (const key of ['k1', 'k2']) {
          for (const date of DAYS) {
            const counted = items
              .filter(([k, span]) => k === key && spanCovers(span, date))
              .reduce((sum, [, , sign]) => sum + sign, 0);
            const summed = deltas
              .filter((entry) => entry.key === key && entry.day <= date)
              .reduce((sum, entry) => sum + entry.delta, 0);
            expect(summed).toBe(counted);
          }
        }
        for (const entry of deltas) expect(entry.delta).not.toBe(0);
      }),
      RUNS,
    );
  });
});

describe('dated events against a day-by-day model', () => {
  it('finds the latest item on or before a date, same-day items and any order included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, fc.integer()), { maxLength: 8 }), dayArb, (items, date) => {
        const latest = latestOnOrBefore(items, ([day]) => day, date);
        // The model: walk back from the date, day by day, to the first day with an item; the last given of that day.
        let found: [string, number] | undefined;
        for (let index = DAYS.indexOf(date); index >= 0 && !found; index--)
          found = items.filter(([day]) => day === DAYS[index]).at(-1);
        expect(latest).toEqual(found);
      }),
      RUNS,
    );
  });

  it('tells whether a day lies within N months after one of the days, walking the days', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 5 }), fc.integer({ min: 0, max: 2 }), dayArb, (days, months, date) => {
        // The model: from each day, walk forward while the calendar month count stays under `months` (or the day of month not yet reached).
        const covered = (day: string) => {
          for (let index = DAYS.indexOf(day); index < DAYS.length; index++) {
            const candidate = DAYS[index]!;
            if (candidate === addMonths(day, months)) return false;
            if (candidate === date) return true;
          }
          return false;
        };
        expect(withinMonthsAfterAny(days, months, date)).toBe(days.some(covered));
      }),
      RUNS,
    );
  });
});

describe('date arithmetic against a day-by-day model', () => {
  const dateArb = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => addDays('2023-01-01', offset));
  /** Walks the calendar one day at a time with the platform's Date. */
  const walk = (from: string, days: number) => {
    const date = new Date(`${from}T12:00:00Z`);
    for (let step = 0; step < Math.abs(days); step++) date.setUTCDate(date.getUTCDate() + Math.sign(days));
    return date.toISOString().slice(0, 10);
  };

  it('adds days as walking them does, both ways', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (date, days) => {
        expect(addDays(date, days)).toBe(walk(date, days));
      }),
      { numRuns: 200 },
    );
  });

  it('adds months to the same day, or the month’s last when it has fewer days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -30, max: 30 }), (date, months) => {
        const result = addMonths(date, months);
        const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
        const target = (year * 12 + month - 1 + months) as number;
        // Walk to the first of the target month, then count its days by walking until the month changes.
        const first = `${Math.floor(target / 12)}-${String((target % 12) + 1).padStart(2, '0')}-01`;
        let length = 1;
        while (walk(first, length).slice(0, 7) === first.slice(0, 7)) length++;
        expect(result).toBe(walk(first, Math.min(dayOfMonth, length) - 1));
      }),
      { numRuns: 200 },
    );
  });
});
