import { openOwnerOrm, prepareSubgraphDatabase, type SharedEnv } from '@xgz/kit';
import { loadRegionTree, registryDatabase } from '@xgz/registry';
import type pg from 'pg';
import { subgraphs } from './subgraphs.js';

/**
 * Creates every subgraph's roles and schema, applies migrations and loads the region tree, one
 * subgraph after another (parallel provisioning would contend on the same catalogs).
 */
export async function prepareAllDatabases(adminUrl: string, env: SharedEnv, options: { forceRegions?: boolean } = {}) {
  const settings = { adminUrl, rolePassword: env.DB_ROLE_PASSWORD };
  for (const subgraph of subgraphs) await prepareSubgraphDatabase(subgraph.database, settings);
  const registry = await openOwnerOrm(registryDatabase, settings);
  try {
    const pool = (await registry.em.getConnection().getNativeClient()) as pg.Pool;
    return await loadRegionTree(pool, { force: options.forceRegions });
  } finally {
    await registry.close();
  }
}
