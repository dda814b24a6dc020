/**
 * Figures kept per region at every level: rows that exist only per township (as before the move, or
 * loaded in bulk) are added up to their county, city and province by the shared roll-up; the one
 * function requests write figures through refuses rows outside the request's region and writes
 * nothing then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureRollUpStatements, subgraphRoles } from '@xgz/kit';
import { startTestSubgraphs, withConnection, type SubgraphHarness } from '@xgz/testkit';
import { registrySubgraph } from '../src/server.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await startTestSubgraphs([registrySubgraph]);
});
afterAll(() => harness?.stop());

const roles = () => subgraphRoles(harness.database.adminUrl, 'registry', harness.env.DB_ROLE_PASSWORD);
const rowsOf = (table: 'figure_delta' | 'figure_snapshot') =>
  withConnection(roles().ownerUrl, async (client) =>
    Object.fromEntries(
      (
        await client.query<{ region_code: string; value: number }>(
          `select region_code, sum(${table === 'figure_delta' ? 'delta' : 'value'})::int as value from registry.${table}
            where metric = 'test.metric' group by 1 order by 1`,
        )
      ).rows.map((row) => [row.region_code, row.value]),
    ),
  );

describe('figures per level', () => {
  it('adds township rows up to their county, city and province, a county-level row from its own level up', async () => {
    await withConnection(roles().ownerUrl, async (client) => {
      await client.query(`insert into registry.figure_delta (region_code, metric, day, delta) values
        ('330106002', 'test.metric', '2020-01-01', 2), ('330106004', 'test.metric', '2020-01-01', 3),
        ('330110005', 'test.metric', '2021-01-01', 5), ('330106', 'test.metric', '2020-01-01', 7)`);
      await client.query(`insert into registry.figure_snapshot (report_date, region_code, metric, value) values
        ('2020-06-30', '330106002', 'test.metric', 2), ('2020-06-30', '330110005', 'test.metric', 1)`);
      for (const statement of figureRollUpStatements()) await client.query(statement);
    });
    expect(await rowsOf('figure_delta')).toEqual({
      '33': 17,
      '3301': 17,
      '330106': 12, // its own 7 beside its townships' 5
      '330106002': 2,
      '330106004': 3,
      '330110': 5,
      '330110005': 5,
    });
    expect(await rowsOf('figure_snapshot')).toEqual({
      '33': 3,
      '3301': 3,
      '330106': 2,
      '330106002': 2,
      '330110': 1,
      '330110005': 1,
    });
  });

  it('refuses, as the app role, figure rows outside the request’s region, and writes nothing', async () => {
    const before = await rowsOf('figure_delta');
    const record = (rows: object[]) =>
      withConnection(roles().appUrl, async (client) => {
        await client.query('begin');
        try {
          await client.query(`select set_config('app.region', '3301', true)`);
          await client.query('select registry.record_figure_deltas($1::jsonb)', [JSON.stringify(rows)]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      });
    const row = (township: string) => ({ township_code: township, metric: 'test.metric', day: '2022-01-01', delta: 1 });
    await expect(record([row('330106002'), row('330201001')])).rejects.toThrow(/outside the request's region 3301/);
    expect(await rowsOf('figure_delta')).toEqual(before);
    // Inside its region it writes the township and every level above, the province included.
    await record([row('330106002')]);
    const after = await rowsOf('figure_delta');
    for (const code of ['33', '3301', '330106', '330106002']) expect(after[code], code).toBe(before[code]! + 1);
  });
});
