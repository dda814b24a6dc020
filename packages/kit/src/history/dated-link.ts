import { p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNotBefore } from '../dates.js';

/** A row that holds from a date until a date (exclusive; null while it still holds): a link, a post, a membership. */
export interface DatedLinkRow {
  fromDate: string;
  toDate?: string | null;
  lastChangeOn: string;
}

/** The columns of a dated link: spread them into an entity's properties, with `checks: [periodCheck(table)]` beside. */
export const datedLinkProperties = () => ({
  fromDate: p.date(),
  /** Exclusive; null while the link still holds. */
  toDate: p.date().nullable(),
  /** Effective date of the latest recorded change. */
  lastChangeOn: p.date(),
});

/** A period that would hold on no day is refused by the database itself, whatever wrote it. */
export const periodCheck = (tableName: string, from = 'from_date', to = 'to_date') => ({
  name: `${tableName}_period_check`,
  expression: `${to} is null or ${to} > ${from}`,
});

/** The ORM filter for dated-link rows that hold on `date`. */
export const inForceOn = (date: string) => ({
  fromDate: { $lte: date },
  $or: [{ toDate: null }, { toDate: { $gt: date } }],
});

/**
 * Ends a dated link on `on` (not before it began, else BAD_USER_INPUT naming `argument`). Ending a
 * link on the day it began withdraws it — the row is removed, since it held on no day (a same-day
 * correction: a member moved twice on one day, a secretary succeeded on the day of appointment):
 * zero-length periods are never stored, and a CHECK constraint holds every dated table to it. The
 * audit row of the write that ended it stays.
 */
export function endDatedLink<Row extends DatedLinkRow>(
  tx: EntityManager,
  row: Row,
  on: string,
  argument: string,
  meaning: string,
): void {
  assertNotBefore(on, row.fromDate, argument, meaning);
  // The row as answered says when it ended; a withdrawn one is not stored at all.
  row.toDate = on;
  row.lastChangeOn = on;
  if (on === row.fromDate) tx.remove(row as object);
}
