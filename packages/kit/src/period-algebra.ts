/**
 * The period algebra: every computation over dated periods goes through these functions, never a
 * hand-written loop in a service. A period is [from, to): ISO dates (yyyy-mm-dd), `from` inclusive,
 * `to` exclusive, `to` null while it is still open.
 *
 * Zero-length periods — [D, D), or a `to` before its `from` — hold on no day. They are never stored
 * (a CHECK constraint on every dated table; ending a link on its first day withdraws it, see
 * dated-link.ts), and every function here treats one as empty, so a stray one cannot make a
 * computation loop or count. Every loop below runs over its input once (after a sort): bounded by
 * construction.
 */

/** Days from `from` (inclusive) to `to` (exclusive; null = open). */
export interface Span {
  from: string;
  to: string | null;
}

/** One period of a record's state. */
export interface Period<State> extends Span {
  state: State;
}

/** Whether a span holds on no day at all ([D, D), or ending before it starts). */
export const isEmptySpan = (span: Span): boolean => span.to !== null && span.to <= span.from;

/** Whether a span holds on `date`. An empty span holds on no date. */
export const spanCovers = (span: Span, date: string): boolean =>
  span.from <= date && (span.to === null || date < span.to);

/** Whether any of the spans holds on `date`. */
export const anyCovers = (spans: readonly Span[], date: string): boolean =>
  spans.some((span) => spanCovers(span, date));

/** The first of the periods that holds on `date` (periods of one record do not overlap: the only one). */
export const periodOn = <P extends Span>(periods: readonly P[], date: string): P | undefined =>
  periods.find((period) => spanCovers(period, date));

/** Whether every day of `inner` is a day of `outer` (an empty `inner` is inside anything). */
export function spanContains(outer: Span, inner: Span): boolean {
  if (isEmptySpan(inner)) return true;
  if (isEmptySpan(outer)) return false;
  return inner.from >= outer.from && (outer.to === null || (inner.to !== null && inner.to <= outer.to));
}

/** Whether two spans share a day. */
export function spansOverlap(a: Span, b: Span): boolean {
  if (isEmptySpan(a) || isEmptySpan(b)) return false;
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
}

/** The later of two ends, null (open) being the latest. */
const laterEnd = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);

/**
 * The days covered by any of the spans, as runs: disjoint, not adjacent (a run ending on D and one
 * starting on D are one run), in date order, none empty. A move between two branches on one day is
 * one unbroken run of membership.
 */
export function mergeRuns(spans: readonly Span[]): Span[] {
  const ordered = spans
    .filter((span) => !isEmptySpan(span))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const runs: Span[] = [];
  for (const span of ordered) {
    const last = runs.at(-1);
    if (last && (last.to === null || span.from <= last.to)) last.to = laterEnd(last.to, span.to);
    else runs.push({ from: span.from, to: span.to });
  }
  return runs;
}

/** The run of the spans (see mergeRuns) that holds on `date`, or null when none does. */
export const runContaining = (spans: readonly Span[], date: string): Span | null =>
  mergeRuns(spans).find((run) => spanCovers(run, date)) ?? null;

/**
 * The latest of the dated items on or before `date` (the venue check in force, the last election),
 * or undefined before the first. Several on one day: the last of them as given.
 */
export function latestOnOrBefore<T>(items: readonly T[], dayOf: (item: T) => string, date: string): T | undefined {
  let latest: T | undefined;
  for (const item of items)
    if (dayOf(item) <= date && (latest === undefined || dayOf(item) >= dayOf(latest))) latest = item;
  return latest;
}

/** The earliest day any of the spans holds, or null when none holds on any day. */
export const firstDay = (spans: readonly Span[]): string | null => mergeRuns(spans)[0]?.from ?? null;

/** Every day on which the spans may change something: each non-empty span's start and end. */
export function spanBounds(spans: readonly Span[]): string[] {
  const days: string[] = [];
  for (const span of spans) {
    if (isEmptySpan(span)) continue;
    days.push(span.from);
    if (span.to !== null) days.push(span.to);
  }
  return days;
}

/** The periods cut at every point strictly inside one of them; empty periods dropped, order kept. */
export function splitAt<P extends Span>(periods: readonly P[], points: Iterable<string>): P[] {
  const cuts = [...new Set(points)].sort();
  const pieces: P[] = [];
  for (const period of periods) {
    if (isEmptySpan(period)) continue;
    let from = period.from;
    for (const cut of cuts) {
      if (cut <= from || (period.to !== null && cut >= period.to)) continue;
      pieces.push({ ...period, from, to: cut });
      from = cut;
    }
    pieces.push({ ...period, from, to: period.to });
  }
  return pieces;
}

/**
 * The periods of a state that can only change on the given days: the state is evaluated on each
 * day (sorted, once each) and holds until the next day it differs — equal neighbours merged (by
 * `key`), days with no state (null) leaving a gap.
 */
export function periodsFromBreakpoints<State>(
  points: Iterable<string>,
  stateOn: (date: string) => State | null,
  key: (state: State) => string,
): Period<State>[] {
  const days = [...new Set(points)].sort();
  const periods: Period<State>[] = [];
  let open: { from: string; state: State; key: string } | null = null;
  for (const day of days) {
    const state = stateOn(day);
    const stateKey = state === null ? null : key(state);
    if (open && stateKey === open.key) continue;
    if (open) periods.push({ from: open.from, to: day, state: open.state });
    open = state === null ? null : { from: day, state, key: stateKey! };
  }
  if (open) periods.push({ from: open.from, to: null, state: open.state });
  return periods;
}

export interface ForwardChange<State> {
  /** The periods after the change, in date order. */
  periods: Period<State>[];
  /** Periods that no longer exist as they were. */
  removed: Period<State>[];
  /** Periods that are new or re-cut. */
  added: Period<State>[];
}

/**
 * Applies a change effective on `date` to every period from that date on: the period covering the
 * date is split there, later periods are patched too. Earlier periods stay as they were, so a
 * back-dated correction changes exactly the past it should. Returns null when `date` is before the
 * record's first period (the record did not exist yet). Empty periods are dropped as removed.
 */
export function applyForward<State>(
  periods: readonly Period<State>[],
  date: string,
  patch: (state: State) => State,
): ForwardChange<State> | null {
  const ordered = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const lasting = ordered.filter((period) => !isEmptySpan(period));
  if (lasting.length === 0 || date < lasting[0]!.from) return null;
  const result: ForwardChange<State> = { periods: [], removed: ordered.filter(isEmptySpan), added: [] };
  for (const period of lasting) {
    if (period.to !== null && period.to <= date) {
      result.periods.push(period);
      continue;
    }
    result.removed.push(period);
    const pieces: Period<State>[] =
      period.from < date
        ? [
            { from: period.from, to: date, state: period.state },
            { from: date, to: period.to, state: patch(period.state) },
          ]
        : [{ from: period.from, to: period.to, state: patch(period.state) }];
    result.periods.push(...pieces);
    result.added.push(...pieces);
  }
  return result;
}

/** What replacing one set of periods by another changes: those gone and those new, equal ones (by `key`) kept. */
export function periodDiff<P extends Span, Q extends Span>(
  before: readonly P[],
  after: readonly Q[],
  keyBefore: (period: P) => string,
  keyAfter: (period: Q) => string,
) {
  const beforeKeys = new Set(before.map(keyBefore));
  const afterKeys = new Set(after.map(keyAfter));
  return {
    removed: before.filter((period) => !afterKeys.has(keyBefore(period))),
    added: after.filter((period) => !beforeKeys.has(keyAfter(period))),
  };
}

export interface SignedSpan<Key> {
  key: Key;
  span: Span;
  /** +1 for a span that starts counting, −1 for one that stops (a removed period). */
  sign: number;
}

/**
 * Folds spans into day deltas per key: +sign on a span's first day, −sign on the day it stops,
 * summed per key and day, zeros dropped (empty spans count nowhere). The count of a key on a day is
 * the sum of its deltas up to that day — how pre-aggregated figures are kept.
 */
export function foldToDeltas<Key extends string>(
  spans: Iterable<SignedSpan<Key>>,
): { key: Key; day: string; delta: number }[] {
  const sums = new Map<string, { key: Key; day: string; delta: number }>();
  const add = (key: Key, day: string, delta: number) => {
    const id = `${key}\u0000${day}`;
    const entry = sums.get(id);
    if (entry) entry.delta += delta;
    else sums.set(id, { key, day, delta });
  };
  for (const { key, span, sign } of spans) {
    if (isEmptySpan(span)) continue;
    add(key, span.from, sign);
    if (span.to !== null) add(key, span.to, -sign);
  }
  return [...sums.values()].filter((entry) => entry.delta !== 0);
}
