import type pg from 'pg';
import type { Period } from '../period-algebra.js';

/**
 * The fact feed: an owner subgraph's dated facts (its fact_version periods) as an ordered list of
 * changed records, for other subgraphs to keep their own copies by.
 *
 * Order: by the writing transaction (`recorded_xid`), then record id. A transaction's id is taken
 * before it commits, so a later one can commit first; the feed therefore shows only transactions
 * older than the oldest still running (`pg_snapshot_xmin`): everything below that line has
 * committed or rolled back and nothing can appear there any more. A position is "<xid>:<record id>".
 */
export interface FeedRecord {
  type: string;
  id: string;
  /** The record's current periods, oldest first: a consumer replaces its copy with them. */
  periods: Period<Record<string, unknown>>[];
  /** When the change that put the record in this page was recorded (delay measurement). */
  changedAt: string;
}

export interface FeedPage {
  records: FeedRecord[];
  /** Where the next page starts (unchanged when the page is empty). */
  position: string;
  /** Whether the page reached the current end of the feed. */
  caughtUp: boolean;
}

export const FEED_START = '0:00000000-0000-0000-0000-000000000000';

const positionPattern = /^(\d{1,20}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The largest transaction id (xid8 is an unsigned 64-bit number). */
const MAX_XID = 2n ** 64n - 1n;

/** A feed position as its parts, or null for anything else (a transaction id beyond xid8, a malformed record id). */
export function parseFeedPosition(position: string): { xid: string; subjectId: string } | null {
  const match = positionPattern.exec(position);
  if (!match || BigInt(match[1]!) > MAX_XID) return null;
  return { xid: match[1]!, subjectId: match[2]!.toLowerCase() };
}

/**
 * One page of the feed after `position`, for the given record types: at most `limit` records.
 * Run it on a connection that sees every region (the owner role, beneath RLS), in a read-only
 * transaction so the two statements see one snapshot.
 */
export async function readFeedPage(
  client: pg.ClientBase,
  position: string,
  types: readonly string[],
  limit: number,
): Promise<FeedPage> {
  const after = parseFeedPosition(position);
  if (!after) throw new Error(`Not a feed position: ${position}`);
  await client.query('begin transaction isolation level repeatable read read only');
  try {
    const { rows: changed } = await client.query<{
      xid: string;
      subject_id: string;
      subject_type: string;
      changed_at: Date;
    }>(
      `select recorded_xid::text as xid, subject_id, min(subject_type) as subject_type, max(recorded_at) as changed_at
         from fact_version
        where (recorded_xid, subject_id) > ($1::text::xid8, $2::uuid)
          and recorded_xid < pg_snapshot_xmin(pg_current_snapshot())
          and subject_type = any($3::text[])
        group by recorded_xid, subject_id
        order by recorded_xid, subject_id
        limit $4`,
      [after.xid, after.subjectId, types, limit],
    );
    const ids = [...new Set(changed.map((row) => row.subject_id))];
    const { rows: periods } = ids.length
      ? await client.query<{
          subject_id: string;
          valid_from: string;
          valid_to: string | null;
          state: Record<string, unknown>;
        }>(
          `select subject_id, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, state
             from fact_version
            where subject_id = any($1::uuid[]) and superseded_at is null and subject_type = any($2::text[])
            order by subject_id, valid_from`,
          [ids, types],
        )
      : { rows: [] };
    await client.query('commit');
    const bySubject = new Map<string, Period<Record<string, unknown>>[]>();
    for (const row of periods) {
      const list = bySubject.get(row.subject_id) ?? [];
      list.push({ from: row.valid_from, to: row.valid_to, state: row.state });
      bySubject.set(row.subject_id, list);
    }
    // A record changed by several transactions of the page is sent once, with its current periods.
    const latest = new Map<string, (typeof changed)[number]>();
    for (const row of changed) {
      const seen = latest.get(row.subject_id);
      if (!seen || row.changed_at > seen.changed_at) latest.set(row.subject_id, row);
    }
    const last = changed.at(-1);
    return {
      records: [...latest.values()].map((row) => ({
        type: row.subject_type,
        id: row.subject_id,
        periods: bySubject.get(row.subject_id) ?? [],
        changedAt: row.changed_at.toISOString(),
      })),
      position: last ? `${last.xid}:${last.subject_id}` : position,
      caughtUp: changed.length < limit,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}
