/** Figures are reported as of June 30 and December 31; snapshots start at the first one of 2000. */
export const SNAPSHOT_EPOCH = '2000-06-30';

/** Every report date from the epoch up to and including `until` (yyyy-mm-dd), ascending. */
export function reportDatesUntil(until: string): string[] {
  const dates: string[] = [];
  for (let year = 2000; `${year}-06-30` <= until; year++) {
    dates.push(`${year}-06-30`);
    if (`${year}-12-31` <= until) dates.push(`${year}-12-31`);
  }
  return dates;
}
