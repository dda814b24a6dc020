import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EXPECTED_REGION_COUNT, regionTreeCsvLines } from './region-tree.source.js';

export interface RegionTreeLoadResult {
  rows: number;
  skipped: boolean;
  milliseconds: number;
}

/**
 * Loads the full administrative tree with one COPY in one transaction (as the table owner).
 * Idempotent: skipped when the table already holds the whole tree, unless `force`; otherwise the
 * table is replaced atomically, so readers see the old tree or the new one, never half.
 */
export async function loadRegionTree(pool: pg.Pool, options: { force?: boolean } = {}): Promise<RegionTreeLoadResult> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ count: string }>('select count(*) from region');
    if (!options.force && Number(rows[0]?.count) === EXPECTED_REGION_COUNT) {
      return { rows: EXPECTED_REGION_COUNT, skipped: true, milliseconds: performance.now() - started };
    }
    await client.query('begin');
    await client.query('truncate region');
    const copy = client.query(copyFrom('copy region (code, name, level, parent_code) from stdin with (format csv)'));
    await pipeline(Readable.from(regionTreeCsvLines()), copy);
    const loaded = await client.query<{ count: string }>('select count(*) from region');
    await client.query('commit');
    await client.query('analyze region');
    return { rows: Number(loaded.rows[0]?.count), skipped: false, milliseconds: performance.now() - started };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
