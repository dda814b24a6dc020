/**
 * Row-level security and schema isolation, proved beneath the resolvers: the database itself
 * refuses out-of-region rows to the app role, whatever the code above it does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openAppOrm, regionScopedEntityManager, subgraphRoles, type SubgraphRoles } from '@xgz/kit';
import { createTestDatabase, testEnv, withConnection, type SqlClient, type TestDatabase } from '@xgz/testkit';
import { marketsDatabase } from '@xgz/markets';
import type { MikroORM } from '@mikro-orm/postgresql';

const env = testEnv();
// Rows written straight into the table (beneath the service): RLS is what is tested, not the ledger.
const MARKET_COLUMNS = `(id, name, type, category, region_code, created_at, updated_at, in_city_district, county_centre,
  opened_on, consumer_rights_station, last_change_on)`;
const marketRow = (name: string, category: string, regionCode: string) =>
  `(gen_random_uuid(), '${name}', 'PROFESSIONAL', '${category}', '${regionCode}', now(), now(), false, false, '2020-01-01', false, '2020-01-01')`;
let database: TestDatabase;
let markets: SubgraphRoles;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'));
  markets = subgraphRoles(database.adminUrl, 'markets', env.DB_ROLE_PASSWORD);
  await withConnection(markets.ownerUrl, (client) =>
    client.query(`insert into market ${MARKET_COLUMNS} values
      ${marketRow('西湖市场', 'CLOTHING', '330106001')},
      ${marketRow('上城市场', 'TIMBER', '330102001')},
      ${marketRow('宁波市场', 'FARM_PRODUCE', '330203001')}`),
  );
  orm = await openAppOrm(marketsDatabase, { adminUrl: database.adminUrl, rolePassword: env.DB_ROLE_PASSWORD });
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

const count = async (client: SqlClient, sql = 'select count(*)::int as n from market') =>
  (await client.query<{ n: number }>(sql)).rows[0]!.n;

describe('row-level security on the app role', () => {
  it('shows no rows when no region is set', async () => {
    await withConnection(markets.appUrl, async (client) => expect(await count(client)).toBe(0));
  });

  it('shows only the subtree of the transaction-local region', async () => {
    await withConnection(markets.appUrl, async (client) => {
      await client.query('begin');
      await client.query("select set_config('app.region', '3301', true)");
      const { rows } = await client.query<{ region_code: string }>(
        'select region_code from market order by region_code',
      );
      await client.query('commit');
      expect(rows.map((row) => row.region_code)).toEqual(['330102001', '330106001']);
    });
  });

  it("shows nothing once a local setting has ended and reads as '' on the same connection", async () => {
    await withConnection(markets.appUrl, async (client) => {
      await client.query('begin');
      await client.query("select set_config('app.region', '33', true)");
      expect(await count(client)).toBe(3);
      await client.query('commit');
      expect((await client.query("select current_setting('app.region', true) as v")).rows[0].v).toBe('');
      expect(await count(client)).toBe(0);
    });
  });

  it('refuses to write a row outside the region, and updates only rows inside it', async () => {
    await withConnection(markets.appUrl, async (client) => {
      await client.query('begin');
      await client.query("select set_config('app.region', '3301', true)");
      await expect(
        client.query(`insert into market ${MARKET_COLUMNS} values ${marketRow('x', 'TIMBER', '330203001')}`),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
      await client.query('begin');
      await client.query("select set_config('app.region', '3301', true)");
      const updated = await client.query("update market set name = 'renamed'");
      await client.query('rollback');
      expect(updated.rowCount).toBe(2);
    });
  });

  it('is not the owner and cannot bypass RLS', async () => {
    await withConnection(database.adminUrl, async (client) => {
      const { rows } = await client.query(
        `select r.rolsuper, r.rolbypassrls, t.tableowner from pg_roles r, pg_tables t
          where r.rolname = 'markets_app' and t.schemaname = 'markets' and t.tablename = 'market'`,
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, tableowner: 'markets_owner' });
    });
  });

  it('applies through the ORM: a region-scoped fork sees its subtree, an unscoped one nothing', async () => {
    const scoped = regionScopedEntityManager(orm, '3301');
    expect((await scoped.execute<{ n: number }[]>('select count(*)::int as n from market'))[0]!.n).toBe(2);
    // The same pooled connections, straight after: nothing leaks from the previous request.
    const unscoped = orm.em.fork();
    expect((await unscoped.execute<{ n: number }[]>('select count(*)::int as n from market'))[0]!.n).toBe(0);
    const province = regionScopedEntityManager(orm, '33');
    expect((await province.execute<{ n: number }[]>('select count(*)::int as n from market'))[0]!.n).toBe(3);
  });
});

describe('figures bookkeeping', () => {
  it('lets only the owner mark a report-date snapshot complete', async () => {
    const registry = subgraphRoles(database.adminUrl, 'registry', env.DB_ROLE_PASSWORD);
    await withConnection(registry.appUrl, async (client) => {
      expect((await client.query('select count(*)::int as n from figure_snapshot_date')).rows[0].n).toBeGreaterThan(0);
      await expect(client.query("insert into figure_snapshot_date values ('1999-12-31')")).rejects.toThrow(
        /permission denied/,
      );
    });
  });
});

describe('schema isolation between subgraphs', () => {
  const names = ['registry', 'organizations', 'markets', 'assessments'];
  const tables: Record<string, string> = {
    registry: 'registry.region',
    organizations: 'organizations.party_organization',
    markets: 'markets.market',
    assessments: 'assessments.inspection',
  };

  for (const reader of names) {
    it(`${reader}_app cannot read another subgraph's tables`, async () => {
      const roles = subgraphRoles(database.adminUrl, reader, env.DB_ROLE_PASSWORD);
      await withConnection(roles.appUrl, async (client) => {
        for (const owner of names.filter((name) => name !== reader)) {
          await expect(
            client.query(`select 1 from ${tables[owner]} limit 1`),
            `${reader} reading ${owner}`,
          ).rejects.toThrow(/permission denied/);
        }
      });
    });
  }
});
