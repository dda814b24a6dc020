import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { stableJson } from '../history/fact-history.js';
import { FEED_START, parseFeedPosition, type FeedPage, type FeedRecord } from './fact-feed.js';
import { applyFeedPage, feedPosition, type FeedSubscription } from './fact-feed-consumer.js';

/** Reads one page of an owner's feed after a position (feedClient, or a test's own). */
export type FetchFeedPage = (position: string) => Promise<FeedPage>;

export interface FeedMaintenance {
  /** An ORM connected as the consumer's owner role: the copy spans every region. */
  orm: MikroORM;
  subscription: FeedSubscription;
  fetchPage: FetchFeedPage;
}

/**
 * Rebuilds a consumer's copy of one source from scratch: the copy and cursor are dropped in one
 * transaction, then the whole feed is applied again page by page (each page re-deriving what it
 * feeds, the cursor moving with it). A running consumer may go on meanwhile — pages are applied by
 * compare-and-set on the cursor, so each lands once. Returns how many records this call applied.
 */
export async function rebuildFeedCopy({ orm, subscription, fetchPage }: FeedMaintenance): Promise<number> {
  const em = orm.em.fork() as EntityManager;
  await em.transactional(async (tx) => {
    await tx.execute('delete from fed_fact where source = ?', [subscription.source]);
    await tx.execute('delete from feed_cursor where source = ?', [subscription.source]);
  });
  const applied = new Set<string>();
  // Every pass moves the cursor or ends; passes that move nothing are counted and bounded.
  for (let idle = 0; idle < MAX_IDLE_PASSES;) {
    const from = await feedPosition(em, subscription.source);
    const page = await fetchPage(from);
    if (page.position !== from && (await applyFeedPage(em, subscription, from, page))) {
      for (const record of page.records) applied.add(`${record.type}:${record.id}`);
      idle = 0;
    } else idle++;
    if (page.caughtUp) return applied.size;
  }
  throw new Error(
    `rebuilding ${subscription.source}'s copy made no progress in ${MAX_IDLE_PASSES} passes: is another consumer applying the same feed?`,
  );
}

/** Passes in a row that move nothing before a maintenance loop gives up (the feed's owner answers the same page). */
const MAX_IDLE_PASSES = 100;

export interface FeedComparison {
  /** Records the owner publishes (of the subscribed types). */
  ownerRecords: number;
  /** Records whose copy equals the owner's periods. */
  matching: number;
  /** Records the copy lacks or holds with other periods (ids, the first 100). */
  differing: string[];
  differingCount: number;
  /** Records in the copy the owner does not publish. */
  extra: number;
}

type CopiedPeriods = Map<string, string>;

async function copiedPeriods(
  em: EntityManager,
  source: string,
  records: readonly FeedRecord[],
): Promise<CopiedPeriods> {
  const rows = await em.execute<
    {
      subject_type: string;
      subject_id: string;
      valid_from: string;
      valid_to: string | null;
      state: Record<string, unknown>;
    }[]
  >(
    `select f.subject_type, f.subject_id, to_char(f.valid_from, 'YYYY-MM-DD') as valid_from, to_char(f.valid_to, 'YYYY-MM-DD') as valid_to, f.state
       from fed_fact f join jsonb_to_recordset(?::jsonb) as k(subject_type text, subject_id uuid)
         on f.subject_type = k.subject_type and f.subject_id = k.subject_id
      where f.source = ? order by f.subject_type, f.subject_id, f.valid_from`,
    [JSON.stringify(records.map((record) => ({ subject_type: record.type, subject_id: record.id }))), source],
  );
  const copies = new Map<string, { from: string; to: string | null; state: Record<string, unknown> }[]>();
  for (const row of rows) {
    const key = `${row.subject_type}:${row.subject_id}`;
    copies.set(key, [...(copies.get(key) ?? []), { from: row.valid_from, to: row.valid_to, state: row.state }]);
  }
  return new Map([...copies].map(([key, periods]) => [key, stableJson(periods)]));
}

interface ComparePass {
  /** Every record seen (a record changed by transactions in several pages appears in each). */
  owner: Set<string>;
  differing: Set<string>;
  /** Of the differing, those with no copy at all. */
  missing: Set<string>;
  /** Where the pass ended. */
  end: string;
}

/** One pass over the owner's whole feed: which records' copies differ. */
async function comparePass({ orm, subscription, fetchPage }: FeedMaintenance): Promise<ComparePass> {
  const em = orm.em.fork() as EntityManager;
  const pass: ComparePass = { owner: new Set(), differing: new Set(), missing: new Set(), end: FEED_START };
  for (;;) {
    const page = await fetchPage(pass.end);
    const copies = await copiedPeriods(em, subscription.source, page.records);
    for (const record of page.records) {
      const key = `${record.type}:${record.id}`;
      pass.owner.add(key);
      const expected = stableJson(
        record.periods.map((period) => ({ from: period.from, to: period.to, state: period.state })),
      );
      const copy = copies.get(key);
      // The latest appearance decides: the record is read afresh on each page it appears in.
      pass.differing.delete(key);
      pass.missing.delete(key);
      if (copy === expected) continue;
      pass.differing.add(key);
      if (copy === undefined) pass.missing.add(key);
    }
    if (page.caughtUp || page.position === pass.end) return pass;
    pass.end = page.position;
  }
}

/** Whether the copy's cursor has reached `end` (positions order by transaction id, then record id). */
function reached(cursor: string, end: string): boolean {
  const a = parseFeedPosition(cursor);
  const b = parseFeedPosition(end);
  if (!a || !b) return false;
  return BigInt(a.xid) > BigInt(b.xid) || (a.xid === b.xid && a.subjectId >= b.subjectId);
}

/**
 * Compares a consumer's copy of one source with what the owner publishes now, record by record and
 * period by period. Records changed while comparing may differ only because the copy has not yet
 * applied them: those are compared again once the copy's cursor has reached the end seen in the
 * first pass (bounded wait), and only records that differ in both passes are reported.
 */
export async function compareFeedCopy(maintenance: FeedMaintenance, settleMs = 10_000): Promise<FeedComparison> {
  const first = await comparePass(maintenance);
  let differing = first.differing;
  const em = maintenance.orm.em.fork() as EntityManager;
  if (differing.size > 0) {
    const deadline = Date.now() + settleMs;
    while (Date.now() < deadline && !reached(await feedPosition(em, maintenance.subscription.source), first.end))
      await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await comparePass(maintenance);
    differing = new Set([...differing].filter((key) => second.differing.has(key)));
  }
  const missing = [...first.missing].filter((key) => differing.has(key)).length;
  const [row] = await em.execute<{ copied: string }[]>(
    'select count(distinct (subject_type, subject_id))::text as copied from fed_fact where source = ?',
    [maintenance.subscription.source],
  );
  return {
    ownerRecords: first.owner.size,
    matching: first.owner.size - differing.size,
    differing: [...differing].slice(0, 100),
    differingCount: differing.size,
    extra: Math.max(0, Number(row!.copied) - (first.owner.size - missing)),
  };
}
