/**
 * The kit's fact feed on real PostgreSQL, owner and consumer side: pages list changed records in
 * the order their transactions were written, each once with its current periods, a page at a time
 * to the end; a transaction still running holds back every later one (so nothing can appear behind
 * a consumer's cursor); a consumer applies a page in one transaction — copies replaced, the local
 * records they feed (before and after the change) re-derived, the cursor moved — and a page read
 * from a cursor that moved meanwhile is not applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applyFeedPage,
  defineModule,
  defineSubgraph,
  FactHistory,
  FEED_START,
  feedPosition,
  readFeedPage,
  type FactDefinition,
  type FeedSubscription,
} from '@xgz/kit';
import { openOwnedSubgraphDatabase, withConnection, type OwnedSubgraphDatabase } from '@xgz/testkit';

type StallState = { regionCode: string; marketId: string };
const stallFacts: FactDefinition<StallState> = {
  subjectType: 'Stall',
  regionOf: (state) => state.regionCode,
  metricsOf: () => [],
};
const otherFacts: FactDefinition<{ regionCode: string }> = {
  subjectType: 'Kiosk',
  regionOf: (state) => state.regionCode,
  metricsOf: () => [],
};

// Never served: only the databases of an owner and a consumer are prepared.
class FeedResolver {}
const owner = defineSubgraph({
  name: 'kitfeedowner',
  defaultPort: 4994,
  modules: [defineModule({ name: 'stall', resolvers: [FeedResolver], facts: [stallFacts, otherFacts] })],
  migrations: [],
});
const consumer = defineSubgraph({
  name: 'kitfeedcopy',
  defaultPort: 4993,
  modules: [defineModule({ name: 'copy', resolvers: [FeedResolver], uses: ['fedCopy'] })],
  migrations: [],
});

const TOWNSHIP = '330106011';
const context = { reason: 'TEST', actor: 'kit-test' };
const MARKET_A = crypto.randomUUID();
const MARKET_B = crypto.randomUUID();
let source: OwnedSubgraphDatabase;
let copy: OwnedSubgraphDatabase;
const rederived: { about: string[]; records: string[] }[] = [];

const subscription: FeedSubscription = {
  source: 'kitfeedowner',
  types: ['Stall'],
  defaultUrl: 'http://127.0.0.1:0',
  // A stall's period feeds the market it stands in (as a vendor's feeds its market).
  aboutOf: (_type, _id, state) => String(state.marketId),
  rederive: async (_em, about, records) => {
    rederived.push({ about: [...about].sort(), records: records.map((record) => record.id) });
  },
};

const write = (action: (history: FactHistory<StallState>) => Promise<unknown>) =>
  source.orm.em.fork().transactional((tx) => action(new FactHistory(tx as EntityManager, stallFacts)));
const read = (position: string, limit = 100, types: string[] = ['Stall']) =>
  withConnection(source.ownerUrl, (client) => readFeedPage(client, position, types, limit));
const copied = (id: string) =>
  withConnection(
    copy.ownerUrl,
    async (client) =>
      (
        await client.query(
          `select to_char(valid_from, 'YYYY-MM-DD') as "from", to_char(valid_to, 'YYYY-MM-DD') as "to", about_id as about
           from fed_fact where subject_id = $1 order by valid_from`,
          [id],
        )
      ).rows,
  );
const stall = (marketId = MARKET_A) => ({ regionCode: TOWNSHIP, marketId });

beforeAll(async () => {
  [source, copy] = await Promise.all([
    openOwnedSubgraphDatabase(owner.database),
    openOwnedSubgraphDatabase(consumer.database),
  ]);
});
afterAll(async () => {
  await Promise.all([source?.stop(), copy?.stop()]);
});

describe('the fact feed', () => {
  it('pages changed records in the order they were written, each once with its current periods', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await write((history) => history.start(id, '2020-01-01', stall(), context));
    await new FactHistory(source.orm.em.fork() as EntityManager, otherFacts)
      .start(crypto.randomUUID(), '2020-01-01', { regionCode: TOWNSHIP }, context)
      .then(() => undefined);

    const first = await read(FEED_START, 2);
    expect(first.records.map((record) => record.id)).toEqual(ids.slice(0, 2));
    expect(first.caughtUp).toBe(false);
    const second = await read(first.position, 2);
    // The other type is not asked for: the page ends with the third stall.
    expect(second.records.map((record) => record.id)).toEqual([ids[2]]);
    expect(second.caughtUp).toBe(true);
    const end = await read(second.position, 2);
    expect(end).toEqual({ records: [], position: second.position, caughtUp: true });

    // Started and moved in one transaction: listed once, with both periods.
    const moved = crypto.randomUUID();
    await write(async (history) => {
      await history.start(moved, '2020-01-01', stall(), context);
      await history.change(moved, '2021-01-01', (state) => ({ ...state, marketId: MARKET_B }), context);
    });
    const page = await read(end.position);
    expect(page.records).toHaveLength(1);
    expect(page.records[0]!.periods).toEqual([
      { from: '2020-01-01', to: '2021-01-01', state: stall(MARKET_A) },
      { from: '2021-01-01', to: null, state: stall(MARKET_B) },
    ]);
    expect(await read('not a position').catch((error: Error) => error.message)).toMatch(/Not a feed position/);
  });

  it('holds back what committed after a transaction still running, until that one ends', async () => {
    const start = (await read(FEED_START, 1_000)).position;
    const [early, late] = [crypto.randomUUID(), crypto.randomUUID()];
    let release!: () => void;
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const held = write(async (history) => {
      await history.start(early, '2020-01-01', stall(), context);
      written();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await wrote;
    await write((history) => history.start(late, '2020-01-01', stall(), context));
    // `late` committed, but `early` began writing first and is still running: neither shows yet.
    expect((await read(start)).records).toEqual([]);
    release();
    await held;
    expect((await read(start)).records.map((record) => record.id)).toEqual([early, late]);
  });

  it('is applied by a consumer once per cursor: copies replaced, old and new markets re-derived', async () => {
    const em = () => copy.orm.em.fork() as EntityManager;
    const id = crypto.randomUUID();
    const before = (await read(FEED_START, 1_000)).position;
    await write((history) => history.start(id, '2020-01-01', stall(MARKET_A), context));
    const from = await feedPosition(em(), subscription.source);
    const page = await read(before);
    rederived.length = 0;
    expect(await applyFeedPage(em(), subscription, from, page)).toBe(true);
    expect(await feedPosition(em(), subscription.source)).toBe(page.position);
    expect(await copied(id)).toEqual([{ from: '2020-01-01', to: null, about: MARKET_A }]);
    expect(rederived).toEqual([{ about: [MARKET_A], records: [id] }]);

    // The same page again, from the cursor it was read at: the cursor moved since, so nothing happens.
    expect(await applyFeedPage(em(), subscription, from, page)).toBe(false);
    expect(rederived).toHaveLength(1);

    // Moved to market B from 2021 (back-dated): the copy is replaced, both markets re-derived.
    await write((history) => history.change(id, '2021-01-01', (state) => ({ ...state, marketId: MARKET_B }), context));
    const next = await read(page.position);
    expect(await applyFeedPage(em(), subscription, page.position, next)).toBe(true);
    expect(await copied(id)).toEqual([
      { from: '2020-01-01', to: '2021-01-01', about: MARKET_A },
      { from: '2021-01-01', to: null, about: MARKET_B },
    ]);
    expect(rederived.at(-1)).toEqual({ about: [MARKET_A, MARKET_B].sort(), records: [id] });
  });
});
