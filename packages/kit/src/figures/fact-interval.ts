import { foldToDeltas } from '../period-algebra.js';

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
export function figureDeltas(change: {
  removed?: readonly FactInterval[];
  added?: readonly FactInterval[];
}): FigureDeltaChange[] {
  const signed = (intervals: readonly FactInterval[] | undefined, sign: number) =>
    (intervals ?? []).flatMap((interval) =>
      interval.metrics.map((metric) => ({ key: `${townshipOf(interval.regionCode)}|${metric}`, span: interval, sign })),
    );
  return foldToDeltas([...signed(change.removed, -1), ...signed(change.added, +1)]).map(({ key, day, delta }) => {
    const [townshipCode, metric] = key.split('|') as [string, string];
    return { townshipCode, metric, day, delta };
  });
}
