/**
 * The kit's dated-write recipe, bound to an aggregate (`datedAggregate`), on real PostgreSQL: a start
 * writes the row, its history from its first day, the figures and an audit entry in one
 * transaction; a change moves the history from its date and may not be dated before the last one
 * or in the future; an event answers what it made without moving the last change; a refused or
 * failing write leaves nothing behind; two writes to one record queue behind its lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/postgresql';
import {
  datedAggregate,
  defineModule,
  defineSubgraph,
  FactHistory,
  placedRecordPolicies,
  placedRecordProperties,
  readFigures,
  type FactDefinition,
  type Viewer,
} from '@xgz/kit';
import { openOwnedSubgraphDatabase, withConnection, type OwnedSubgraphDatabase } from '@xgz/testkit';

const ShopEntity = defineEntity({
  name: 'KitShop',
  tableName: 'shop',
  properties: {
    ...placedRecordProperties('shop'),
    open: p.boolean(),
    visits: p.integer(),
    lastChangeOn: p.date(),
  },
  policies: placedRecordPolicies,
});
type ShopRow = InferEntity<typeof ShopEntity>;
type ShopState = { regionCode: string; open: boolean };

const shopFacts: FactDefinition<ShopState> = {
  subjectType: 'KitShop',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) => (state.open ? ['openShops'] : []),
};

const shops = datedAggregate<ShopRow, ShopState>({
  entity: ShopEntity,
  what: 'shop',
  subjectType: 'KitShop',
  history: { facts: shopFacts, stateOf: (row) => ({ regionCode: row.regionCode, open: row.open }) },
});

// Never served: only its database is prepared, with the kit tables its module uses.
class ShopResolver {}
const subgraph = defineSubgraph({
  name: 'kitdated',
  defaultPort: 4995,
  modules: [
    defineModule({
      name: 'shop',
      entities: [ShopEntity],
      resolvers: [ShopResolver],
      facts: [shopFacts],
      metrics: ['openShops'],
      uses: ['audit'],
    }),
  ],
  migrations: [],
});

const TOWNSHIP = '330106011';
const viewer: Viewer = { subject: 'kit-test', regionCode: '33', roles: ['admin'] };
let database: OwnedSubgraphDatabase;
const em = () => database.orm.em.fork() as EntityManager;
const rows = (sql: string, values: unknown[] = []) =>
  withConnection(database.ownerUrl, async (client) => (await client.query(sql, values)).rows);
const openShops = async (asOf: string) =>
  (await readFigures(em(), [TOWNSHIP, '33'], ['openShops'], asOf)).get('33')?.get('openShops') ?? 0;
const periods = async (id: string) =>
  (await new FactHistory(em(), shopFacts).periods(id)).map(({ from, to, state }) => ({ from, to, open: state.open }));
const audited = async (id: string) =>
  (await rows(`select action from audit_event where subject_id = $1 order by at`, [id])).map((row) => row.action);

const openShop = (from: string, check?: () => void) =>
  shops.start(em(), viewer, {
    check,
    create: (tx) => tx.create(ShopEntity, { regionCode: TOWNSHIP, open: true, visits: 0, lastChangeOn: from }),
    from,
    reason: 'OPENED',
    action: 'OPEN_SHOP',
  });

const closeShop = (id: string, on: string, extra: { check?: () => void; fail?: boolean } = {}) =>
  shops.change(em(), viewer, {
    id,
    effectiveOn: on,
    check: extra.check,
    apply: (row) => {
      row.open = false;
      if (extra.fail) throw new Error('the write fails after changing the row');
    },
    reason: 'CLOSED',
    action: 'CLOSE_SHOP',
  });

beforeAll(async () => {
  database = await openOwnedSubgraphDatabase(subgraph.database);
  // The aggregate's own table (a subgraph's migration would make it).
  await rows(`create table shop (id uuid primary key, region_code varchar(12) collate "C" not null,
    created_at timestamptz not null, updated_at timestamptz not null, open boolean not null,
    visits int not null, last_change_on date not null)`);
});
afterAll(() => database?.stop());

describe('a dated aggregate', () => {
  it('starts a record with its history, figures and audit in one transaction', async () => {
    const shop = await openShop('2020-01-01');
    expect(shop).toMatchObject({ regionCode: TOWNSHIP, open: true, lastChangeOn: '2020-01-01' });
    expect(await periods(shop.id)).toEqual([{ from: '2020-01-01', to: null, open: true }]);
    expect(await openShops('2019-12-31')).toBe(0);
    expect(await openShops('2020-01-01')).toBe(1);
    expect(await audited(shop.id)).toEqual(['OPEN_SHOP']);

    const refused = openShop('2020-01-01', () => {
      throw new Error('refused by its check');
    });
    await expect(refused).rejects.toThrow('refused by its check');
    expect(await rows(`select count(*)::int as n from shop`)).toEqual([{ n: 1 }]);
  });

  it('changes the state from a date: not before the last change, not in the future; refused or failed, nothing stays', async () => {
    const shop = await openShop('2020-01-01');
    const before = await openShops('2021-06-01');
    const closed = await closeShop(shop.id, '2021-06-01');
    expect(closed).toMatchObject({ id: shop.id, open: false, lastChangeOn: '2021-06-01' });
    expect(await periods(shop.id)).toEqual([
      { from: '2020-01-01', to: '2021-06-01', open: true },
      { from: '2021-06-01', to: null, open: false },
    ]);
    expect(await openShops('2021-06-01')).toBe(before - 1);

    const untouched = async () => ({
      row: await rows(`select open, last_change_on::text from shop where id = $1`, [shop.id]),
      periods: await periods(shop.id),
      audit: await audited(shop.id),
    });
    const kept = await untouched();
    await expect(closeShop(shop.id, '2021-05-31')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(closeShop(shop.id, '2999-01-01')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(closeShop(crypto.randomUUID(), '2021-07-01')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(closeShop(shop.id, '2021-07-01', { fail: true })).rejects.toThrow('fails after changing');
    expect(await untouched()).toEqual(kept);
  });

  it('records an event against the record: its answer is what apply made, the last change stays', async () => {
    const shop = await openShop('2020-01-01');
    await closeShop(shop.id, '2022-01-01');
    const visit = (on: string) =>
      shops.event(em(), viewer, {
        id: shop.id,
        effectiveOn: on,
        afterLastChange: false,
        apply: (row) => ({ visits: ++row.visits, on }),
        action: 'VISIT_SHOP',
      });
    // Dated before the last change: an event changes none of the dated state.
    expect(await visit('2021-03-01')).toEqual({ visits: 1, on: '2021-03-01' });
    expect(await rows(`select visits, last_change_on::text from shop where id = $1`, [shop.id])).toEqual([
      { visits: 1, last_change_on: '2022-01-01' },
    ]);
    // No reason given: the history is left as it was.
    expect(await periods(shop.id)).toHaveLength(2);
    expect(await audited(shop.id)).toEqual(['OPEN_SHOP', 'CLOSE_SHOP', 'VISIT_SHOP']);
  });

  it('queues writes to one record behind its lock: eight at once each see what the last wrote', async () => {
    const shop = await openShop('2020-01-01');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        shops.event(em(), viewer, {
          id: shop.id,
          effectiveOn: '2020-02-01',
          afterLastChange: false,
          apply: (row) => ++row.visits,
          action: 'VISIT_SHOP',
        }),
      ),
    );
    expect([...answers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await rows(`select visits from shop where id = $1`, [shop.id])).toEqual([{ visits: 8 }]);
  });
});
