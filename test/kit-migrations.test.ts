/**
 * Kit features own their tables: a subgraph made of modules and no migration of its own gets the
 * tables of every kit feature its modules use — with row-level security, the app role's limits and
 * the figures' function — from the kit's migrations, applied to its schema. Applied again they find
 * nothing to do; applied where an older subgraph migration already made the tables, they keep them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  defineModule,
  defineSubgraph,
  kitFeatureMigrations,
  migrationsOfFeatures,
  prepareSubgraphDatabase,
  provisionSubgraph,
  subgraphRoles,
  type FactDefinition,
} from '@xgz/kit';
import { createTestDatabase, testEnv, withConnection, type TestDatabase } from '@xgz/testkit';

// Never served here: the subgraph's schema is not built, only its database prepared.
class BoardResolver {}

const postFacts: FactDefinition<{ regionCode: string }> = {
  subjectType: 'Post',
  regionOf: (state) => state.regionCode,
  metricsOf: () => ['posts'],
};

const board = (name: string) =>
  defineSubgraph({
    name,
    defaultPort: 4998,
    modules: [
      defineModule({ name: 'post', resolvers: [BoardResolver], facts: [postFacts], metrics: ['posts'] }),
      defineModule({ name: 'mirror', uses: ['fedCopy', 'audit'] }),
    ],
    migrations: [],
  });

let database: TestDatabase;
const settings = () => ({ adminUrl: database.adminUrl, rolePassword: testEnv().DB_ROLE_PASSWORD });
const query = <Row extends object>(sql: string, values: unknown[] = []) =>
  withConnection(database.adminUrl, async (client) => (await client.query<Row>(sql, values)).rows);
const tablesOf = async (schema: string) =>
  (
    await query<{ relname: string; relrowsecurity: boolean }>(
      `select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind = 'r' and c.relname <> 'mikro_orm_migrations' order by 1`,
      [schema],
    )
  ).map((row) => `${row.relname}${row.relrowsecurity ? ' (RLS)' : ''}`);

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(() => database?.drop());

describe('the kit’s migrations', () => {
  it('give a subgraph without migrations of its own the tables of the features its modules use', async () => {
    const subgraph = board('kitboard');
    expect([...subgraph.features].sort()).toEqual(['audit', 'fedCopy', 'figures', 'history']);
    await prepareSubgraphDatabase(subgraph.database, settings());
    expect(await tablesOf('kitboard')).toEqual([
      'audit_event (RLS)',
      'fact_version (RLS)',
      'fed_fact (RLS)',
      'feed_cursor',
      'figure_delta (RLS)',
      'figure_snapshot (RLS)',
      'figure_snapshot_date',
    ]);
    const applied = await query<{ name: string }>('select name from kitboard.mikro_orm_migrations order by id');
    expect(applied.map((row) => row.name)).toEqual(
      migrationsOfFeatures(['audit', 'fedCopy', 'figures', 'history']).map((migration) => migration.name),
    );
    const [fn] = await query<{ security: boolean }>(
      `select p.prosecdef as security from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'kitboard' and p.proname = 'record_figure_deltas'`,
    );
    expect(fn?.security).toBe(true);
  });

  it('leave the app role reading, not writing, what only the owner moves', async () => {
    const roles = subgraphRoles(database.adminUrl, 'kitboard', testEnv().DB_ROLE_PASSWORD);
    const privileges = await query<{ table_name: string; privilege_type: string }>(
      `select table_name, privilege_type from information_schema.role_table_grants
        where table_schema = 'kitboard' and grantee = $1 and table_name in ('fed_fact', 'feed_cursor', 'figure_snapshot_date')
        order by 1, 2`,
      [roles.appRole],
    );
    expect(privileges.map((row) => `${row.table_name}:${row.privilege_type}`).sort()).toEqual([
      'fed_fact:SELECT',
      'feed_cursor:SELECT',
      'figure_snapshot_date:SELECT',
    ]);
  });

  it('find nothing to do when applied again', async () => {
    await prepareSubgraphDatabase(board('kitboard').database, settings());
    const [count] = await query<{ n: number }>('select count(*)::int as n from kitboard.mikro_orm_migrations');
    expect(count?.n).toBe(migrationsOfFeatures(['audit', 'fedCopy', 'figures', 'history']).length);
  });

  it('keep the tables and rows an older subgraph migration made before the kit owned them', async () => {
    // As an older start left it: provisioned, and the table made by the subgraph's own migration, as its owner.
    const roles = await provisionSubgraph(database.adminUrl, 'kitolder', testEnv().DB_ROLE_PASSWORD);
    const asOwner = (sql: string) => withConnection(roles.ownerUrl, (client) => client.query(sql));
    await asOwner(
      `create table kitolder.audit_event ("id" uuid not null, "at" timestamptz not null, "actor" text not null, "action" varchar(60) not null, "subject_type" varchar(40) not null, "subject_id" uuid null, "region_code" varchar(12) collate "C" not null, "detail" jsonb not null, primary key ("id"))`,
    );
    await asOwner(
      `insert into kitolder.audit_event values (gen_random_uuid(), now(), 'someone', 'SOMETHING', 'Post', null, '33', '{}')`,
    );
    await prepareSubgraphDatabase(board('kitolder').database, settings());
    const [row] = await query<{ actor: string }>('select actor from kitolder.audit_event');
    expect(row?.actor).toBe('someone');
    expect(await tablesOf('kitolder')).toContain('audit_event (RLS)');
  });

  it('are each a feature’s own: derived facts bring the history they write to', () => {
    const names = (feature: keyof typeof kitFeatureMigrations) =>
      kitFeatureMigrations[feature].map((migration) => migration.name);
    expect(names('derivedFacts')).toEqual(expect.arrayContaining(names('history')));
    const all = Object.values(kitFeatureMigrations).flatMap((list) => list.map((migration) => migration.name));
    for (const name of all) expect(name).toMatch(/^Kit\d{14}_[a-z_]+$/);
  });
});
