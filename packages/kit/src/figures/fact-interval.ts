/**
 * A fact as the figures see it: from `from` (inclusive) until `to` (exclusive; null = still true),
 * a record at `regionCode` counts once in each of `metrics`.
 */
export interface FactInterval {
  regionCode: string;
  from: string;
  to: string | null;
  metrics: readonly string[];
}

/** Figures are kept per township: a village's facts count at its township (first 9 digits). */
export const townshipOf = (regionCode: string) => regionCode.slice(0, 9);

export interface FigureDeltaChange {
  townshipCode: string;
  metric: string;
  day: string;
  delta: number;
}

/**
 * The net delta rows that replace `removed` intervals by `added` ones: +1 on each interval's first
 * day, −1 on the day it stops, negated for removed intervals, summed, zeros dropped. A back-dated
 * correction is simply "remove the old history, add the new".
 */
export function figureDeltas(change: { removed?: readonly FactInterval[]; added?: readonly FactInterval[] }): FigureDeltaChange[] {
  const sums = new Map<string, number>();
  const add = (interval: FactInterval, sign: number) => {
    if (interval.to !== null && interval.to <= interval.from) return; // empty interval: counts nowhere
    const township = townshipOf(interval.regionCode);
    for (const metric of interval.metrics) {
      const start = `${township}|${metric}|${interval.from}`;
      sums.set(start, (sums.get(start) ?? 0) + sign);
      if (interval.to !== null) {
        const end = `${township}|${metric}|${interval.to}`;
        sums.set(end, (sums.get(end) ?? 0) - sign);
      }
    }
  };
  for (const interval of change.removed ?? []) add(interval, -1);
  for (const interval of change.added ?? []) add(interval, +1);
  const deltas: FigureDeltaChange[] = [];
  for (const [key, delta] of sums) {
    if (delta === 0) continue;
    const [townshipCode, metric, day] = key.split('|') as [string, string, string];
    deltas.push({ townshipCode, metric, day, delta });
  }
  return deltas;
}
