import { addMonths, assertNotFuture, today } from '../dates.js';
import { badUserInput } from '../errors.js';
import { divisionChildren, divisionDescendantsAt } from '../division-tree.js';

/** Which way a ranking runs: the highest value first (DESC), or the lowest. */
export type RankDirection = 'DESC' | 'ASC';

export interface RankedRegion {
  code: string;
  /** 1 for the first; regions with equal values share a rank, the next skips (1, 2, 2, 4). */
  rank: number;
  /** The figure; null (no denominator) ranks after every value. */
  value: number | null;
}

/** Ranks regions by a value: ties share a rank (standard competition ranking), nulls last, then code order. */
export function rankRegions(
  entries: readonly { code: string; value: number | null }[],
  direction: RankDirection,
): RankedRegion[] {
  const sign = direction === 'DESC' ? -1 : 1;
  const sorted = [...entries].sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) return sign * (a.value - b.value);
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  // One pass: a region takes the rank of the first with its value (equal values are adjacent).
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || entry.value !== sorted[index - 1]!.value) rank = index + 1;
    return { code: entry.code, value: entry.value, rank };
  });
}

/** A level to rank at, below the region asked (its direct children when none is named). */
export type RankingLevelName = 'CITY' | 'COUNTY' | 'TOWNSHIP';
const LEVEL_LENGTH: Record<RankingLevelName, number> = { CITY: 4, COUNTY: 6, TOWNSHIP: 9 };

/**
 * Ranks the regions directly under `parentCode` — or every region at `level` under it (a province's
 * 90 counties) — by a figure each answers (`valueOf` is asked for all in one tick, so a DataLoader
 * answers them in one statement).
 */
export async function rankChildren(
  parentCode: string,
  direction: RankDirection,
  valueOf: (code: string) => Promise<number | null>,
  level?: RankingLevelName | null,
): Promise<RankedRegion[]> {
  const length = level ? LEVEL_LENGTH[level] : null;
  const children =
    length === null
      ? divisionChildren(parentCode)
      : length > parentCode.length
        ? divisionDescendantsAt(parentCode, length)
        : [];
  const values = await Promise.all(children.map(valueOf));
  return rankRegions(
    children.map((code, index) => ({ code, value: values[index] ?? null })),
    direction,
  );
}

/** The change of a figure between two dates: absolute, and relative to the earlier value (null when that is 0 or unknown). */
export interface FigureChangeValues {
  fromValue: number | null;
  toValue: number | null;
  absolute: number | null;
  relative: number | null;
}

export function figureChange(fromValue: number | null, toValue: number | null): FigureChangeValues {
  const absolute = fromValue === null || toValue === null ? null : toValue - fromValue;
  const relative = absolute === null || fromValue === 0 ? null : absolute / Math.abs(fromValue!);
  return { fromValue, toValue, absolute, relative };
}

/** Where a change is measured from, when no date is given. */
export type ChangeBase = 'YEAR_ON_YEAR' | 'SINCE_LAST_JUNE_30' | 'SINCE_LAST_REPORT_DATE';

/**
 * The earlier date of a change ending on `to`: a year before (同比; Feb 29 → Feb 28), the last June 30
 * before it (半年报), or the last report date (June 30 or December 31) before it.
 */
export function changeBaseDate(base: ChangeBase, to: string): string {
  if (base === 'YEAR_ON_YEAR') return addMonths(to, -12);
  const year = Number(to.slice(0, 4));
  const candidates =
    base === 'SINCE_LAST_JUNE_30'
      ? [`${year}-06-30`, `${year - 1}-06-30`]
      : [`${year}-12-31`, `${year}-06-30`, `${year - 1}-12-31`];
  return candidates.find((date) => date < to)!;
}

/**
 * A figure's change between two dates, checked as every figure date is: `to` today when omitted,
 * neither in the future; `from` given, or measured from `base` (a year before by default); `from`
 * before `to`. `valueAt` answers the figure on a date.
 */
export async function changeBetween(
  dates: { from?: string | null; to?: string | null; base?: ChangeBase | null },
  valueAt: (date: string) => Promise<number | null>,
): Promise<FigureChangeValues & { from: string; to: string }> {
  const to = dates.to ?? today();
  assertNotFuture(to, 'to');
  const from = dates.from ?? changeBaseDate(dates.base ?? 'YEAR_ON_YEAR', to);
  if (from >= to) throw badUserInput(`from (${from}) must be before to (${to}).`, 'from');
  const [fromValue, toValue] = await Promise.all([valueAt(from), valueAt(to)]);
  return { from, to, ...figureChange(fromValue, toValue) };
}
