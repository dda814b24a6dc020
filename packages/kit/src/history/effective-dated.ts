/** One period of a record's state: [from, to), to = null while current. Dates are ISO yyyy-mm-dd. */
export interface Period<State> {
  from: string;
  to: string | null;
  state: State;
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
 * record's first period (the record did not exist yet).
 */
export function applyForward<State>(periods: readonly Period<State>[], date: string, patch: (state: State) => State): ForwardChange<State> | null {
  const ordered = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  if (ordered.length === 0 || date < ordered[0]!.from) return null;
  const result: ForwardChange<State> = { periods: [], removed: [], added: [] };
  for (const period of ordered) {
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

/** Whether a period [from, to) holds on `date` (to = null: still open). */
export const periodCovers = (period: { from: string; to: string | null }, date: string) => period.from <= date && (period.to === null || date < period.to);

/** The ORM filter for rows dated [fromDate, toDate) that hold on `date`. */
export const inForceOn = (date: string) => ({ fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gt: date } }] });
