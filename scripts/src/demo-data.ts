import { subgraphRoles, withConnection } from '@xgz/kit';
import { seededRandom } from './seeded-random.js';

/** Provinces/cities the demo covers: Zhejiang, Hainan and Dongguan, as in the seed documents. */
const DEMO_REGIONS = ['33', '46', '4419'];

/** Inserts `rows` into `table` in one transaction unless the table already holds rows. */
async function seedTable(url: string, table: string, columns: string[], rows: unknown[][]): Promise<number> {
  return withConnection(url, async (client) => {
    const { rows: existing } = await client.query<{ count: string }>(`select count(*) from ${table}`);
    if (Number(existing[0]?.count) > 0) return 0;
    await client.query('begin');
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const placeholders = chunk.map(
        (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
      );
      await client.query(
        `insert into ${table} (${columns.join(', ')}) values ${placeholders.join(', ')}`,
        chunk.flat(),
      );
    }
    await client.query('commit');
    return rows.length;
  });
}

/**
 * Deterministic demo data (seed 2014) for the three provinces/cities: inspections placed at real
 * townships (markets are registered through the gateway, see demo-markets.ts). Idempotent: a table
 * that has rows is left alone.
 */
export async function seedDemoData(adminUrl: string, rolePassword: string, seed = 2014) {
  const random = seededRandom(seed);
  const roles = (name: string) => subgraphRoles(adminUrl, name, rolePassword);
  const townships = await withConnection(roles('registry').ownerUrl, async (client) => {
    const { rows } = await client.query<{ code: string; name: string }>(
      `select code, name from region where level = 'TOWNSHIP' and (${DEMO_REGIONS.map((_, i) => `starts_with(code, $${i + 1})`).join(' or ')}) order by code`,
      DEMO_REGIONS,
    );
    return rows;
  });
  const inspections: unknown[][] = [];
  for (const township of townships) {
    if (random.next() < 0.15) {
      inspections.push([
        random.uuid(),
        township.code,
        `2025-${String(random.integer(1, 12)).padStart(2, '0')}-15`,
        '三会一课 records complete; 三亮 plates hung at most stalls',
      ]);
    }
  }
  return {
    inspections: await seedTable(
      roles('assessments').ownerUrl,
      'inspection',
      ['id', 'region_code', 'inspected_on', 'findings'],
      inspections,
    ),
  };
}
