import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger, redactedErrorMessage } from '../logger.js';
import { FEED_START, type FeedPage, type FeedRecord } from './fact-feed.js';
import { FEED_PATH } from './feed-route.js';
import { feedMetrics } from './feed-metrics.js';
import { signFeedToken } from './feed-token.js';

/** What a consumer copies from one owner, and what it re-derives when the copy changes. */
export interface FeedSubscription {
  /** The owner subgraph, e.g. registry. */
  source: string;
  /** Record types copied, e.g. MarketEntity, PartyMember. */
  types: readonly string[];
  /** Default base URL of the owner's HTTP server (overridden by <SOURCE>_FEED_URL). */
  defaultUrl: string;
  /** The local record a fed period feeds into (a member's period → the entity it works at); null for none. */
  aboutOf(type: string, id: string, state: Record<string, unknown>): string | null;
  /**
   * Re-derives the local records whose inputs changed, in the transaction that applies the page
   * (and moves the cursor): figures move exactly once per change.
   */
  rederive(em: EntityManager, aboutIds: readonly string[], records: readonly FedRecordKey[]): Promise<void>;
}

/** A fed record that changed in a page. */
export interface FedRecordKey {
  type: string;
  id: string;
}

/** Fetches pages from an owner's feed with a fresh service token each time. */
export function feedClient(options: {
  url: string;
  secret: string;
  consumer: string;
  types: readonly string[];
  pageSize: number;
}) {
  return async (position: string): Promise<FeedPage> => {
    const url = new URL(options.url);
    if (url.pathname === '/' || url.pathname === '') url.pathname = FEED_PATH;
    url.searchParams.set('after', position);
    url.searchParams.set('types', options.types.join(','));
    url.searchParams.set('limit', String(options.pageSize));
    const token = await signFeedToken(options.secret, options.consumer);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`fact feed ${url.origin}${url.pathname} answered ${response.status}`);
    return (await response.json()) as FeedPage;
  };
}

/** The position a consumer has applied up to for `source`. */
export async function feedPosition(em: EntityManager, source: string): Promise<string> {
  const [row] = await em.execute<{ position: string }[]>('select position from feed_cursor where source = ?', [source]);
  return row?.position ?? FEED_START;
}

/**
 * Applies one page in one transaction: the copy of each record replaced by its current periods,
 * the local records they feed re-derived (figures), the cursor moved. If another consumer instance
 * moved the cursor since `from` was read, nothing is applied and false is returned.
 */
export async function applyFeedPage(
  em: EntityManager,
  subscription: FeedSubscription,
  from: string,
  page: FeedPage,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const [cursor] = await tx.execute<{ position: string }[]>(
      'select position from feed_cursor where source = ? for update',
      [subscription.source],
    );
    if ((cursor?.position ?? FEED_START) !== from) return false;
    if (page.records.length > 0) await replaceCopies(tx, subscription, page.records);
    await tx.execute(
      `insert into feed_cursor (source, position, applied_at) values (?, ?, now())
       on conflict (source) do update set position = excluded.position, applied_at = excluded.applied_at`,
      [subscription.source, page.position],
    );
    return true;
  });
}

async function replaceCopies(
  tx: EntityManager,
  subscription: FeedSubscription,
  records: readonly FeedRecord[],
): Promise<void> {
  const keys = JSON.stringify(records.map((record) => ({ subject_type: record.type, subject_id: record.id })));
  const previous = await tx.execute<{ about_id: string | null }[]>(
    `delete from fed_fact f using jsonb_to_recordset(?::jsonb) as k(subject_type text, subject_id uuid)
      where f.subject_type = k.subject_type and f.subject_id = k.subject_id
      returning f.about_id`,
    [keys],
  );
  const rows = records.flatMap((record) =>
    record.periods.map((period) => ({
      subject_type: record.type,
      subject_id: record.id,
      valid_from: period.from,
      valid_to: period.to,
      source: subscription.source,
      region_code: String(period.state.regionCode ?? ''),
      about_id: subscription.aboutOf(record.type, record.id, period.state),
      state: period.state,
    })),
  );
  if (rows.length > 0) {
    await tx.execute(
      `insert into fed_fact (subject_type, subject_id, valid_from, valid_to, source, region_code, about_id, state)
       select subject_type, subject_id, valid_from, valid_to, source, region_code, about_id, state
         from jsonb_to_recordset(?::jsonb) as r(subject_type text, subject_id uuid, valid_from date, valid_to date, source text,
                                               region_code text, about_id uuid, state jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  const affected = new Set<string>();
  for (const row of previous) if (row.about_id) affected.add(row.about_id);
  for (const row of rows) if (row.about_id) affected.add(row.about_id);
  await subscription.rederive(
    tx,
    [...affected],
    records.map((record) => ({ type: record.type, id: record.id })),
  );
}

export interface FeedConsumerOptions {
  /** The consuming subgraph's name (the feed token's subject). */
  consumer: string;
  /** An ORM connected as the consumer's owner role: the copy and figures span every region. */
  orm: MikroORM;
  subscription: FeedSubscription;
  url: string;
  secret: string;
  pollMs: number;
  pageSize: number;
}

export interface RunningFeedConsumer {
  stop(): Promise<void>;
  /** Resolves once the copy has caught up with everything the owner had committed when called. */
  caughtUp(): Promise<void>;
}

/**
 * Keeps a copy current: reads pages after the stored cursor and applies each in one transaction;
 * when caught up, waits `pollMs` and asks again. A consumer that was down simply resumes from its
 * cursor; errors (owner or database unreachable) are logged and retried with a back-off.
 */
export function startFeedConsumer(options: FeedConsumerOptions): RunningFeedConsumer {
  const { subscription } = options;
  const fetchPage = feedClient({
    url: options.url,
    secret: options.secret,
    consumer: options.consumer,
    types: subscription.types,
    pageSize: options.pageSize,
  });
  const metrics = feedMetrics(subscription.source);
  let stopped = false;
  // A waiter is released by a pass that started after it registered: that pass saw what it waits for.
  let passes = 0;
  let waiters: { after: number; resolve: () => void }[] = [];
  const wake = new AbortController();
  let failures = 0;
  /** Until the owner first answers, a failure is most likely its start-up (services start together): said at info, this many times. */
  const QUIET_START_FAILURES = 3;
  let reachedOwner = false;

  const loop = async () => {
    while (!stopped) {
      const pass = ++passes;
      try {
        const em = options.orm.em.fork() as EntityManager;
        const from = await feedPosition(em, subscription.source);
        const page = await fetchPage(from);
        const applied = page.position === from || (await applyFeedPage(em, subscription, from, page));
        failures = 0;
        reachedOwner = true;
        if (applied) {
          const now = Date.now();
          for (const record of page.records) metrics.delay.observe((now - Date.parse(record.changedAt)) / 1000);
          metrics.applied.inc(page.records.length);
          if (page.records.length > 0) metrics.lastApplied.set(now / 1000);
        }
        if (applied && page.caughtUp) {
          const caught = waiters.filter((waiter) => pass > waiter.after);
          waiters = waiters.filter((waiter) => pass <= waiter.after);
          for (const waiter of caught) waiter.resolve();
          await sleep(options.pollMs, undefined, { signal: wake.signal }).catch(() => {});
        }
      } catch (error) {
        failures++;
        if (stopped) break;
        const detail = { source: subscription.source, failures, message: redactedErrorMessage(error) };
        if (!reachedOwner && failures <= QUIET_START_FAILURES) logger.info('fact feed: waiting for its owner', detail);
        else logger.warn('fact feed: retrying', detail);
        await sleep(Math.min(250 * 2 ** Math.min(failures, 5), 8_000), undefined, { signal: wake.signal }).catch(
          () => {},
        );
      }
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      wake.abort();
      await running;
    },
    caughtUp() {
      return new Promise<void>((resolve) => waiters.push({ after: passes, resolve }));
    },
  };
}
