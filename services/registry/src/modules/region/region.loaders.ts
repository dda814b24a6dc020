import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionEntity, type RegionRow } from './region.entity.js';

/** Batches region look-ups by code and child lists by parent: one query per kind per tick. */
export function createRegionLoaders(em: EntityManager) {
  const byCode = new DataLoader<string, RegionRow | null>(async (codes) => {
    const rows = await em.find(RegionEntity, { code: { $in: [...codes] } });
    const found = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => found.get(code) ?? null);
  });
  const childrenOf = new DataLoader<string, RegionRow[]>(async (parentCodes) => {
    const rows = await em.find(RegionEntity, { parentCode: { $in: [...parentCodes] } }, { orderBy: { code: 'asc' } });
    const grouped = new Map<string, RegionRow[]>(parentCodes.map((code) => [code, []]));
    for (const row of rows) grouped.get(row.parentCode!)?.push(row);
    return parentCodes.map((code) => grouped.get(code) ?? []);
  });
  return { byCode, childrenOf };
}

export type RegionLoaders = ReturnType<typeof createRegionLoaders>;
