import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionEntity, type RegionRow } from './region.entity.js';
import {
  childrenHeldInMemory,
  regionHeldInMemory,
  upperTreeChildren,
  upperTreeRegion,
} from './region-tree.in-memory.js';

/**
 * Batches region look-ups by code and child lists by parent: one query per kind per tick, and none
 * for the levels above the village, which the shipped tree answers from memory.
 */
export function createRegionLoaders(em: EntityManager) {
  const byCode = new DataLoader<string, RegionRow | null>(async (codes) => {
    const villages = codes.filter((code) => !regionHeldInMemory(code));
    const rows = villages.length ? await em.find(RegionEntity, { code: { $in: villages } }) : [];
    const found = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => (regionHeldInMemory(code) ? upperTreeRegion(code) : (found.get(code) ?? null)));
  });
  const childrenOf = new DataLoader<string, RegionRow[]>(async (parentCodes) => {
    const townships = parentCodes.filter((code) => !childrenHeldInMemory(code));
    const rows = townships.length
      ? await em.find(RegionEntity, { parentCode: { $in: townships } }, { orderBy: { code: 'asc' } })
      : [];
    const grouped = new Map<string, RegionRow[]>(townships.map((code) => [code, []]));
    for (const row of rows) grouped.get(row.parentCode!)?.push(row);
    return parentCodes.map((code) =>
      childrenHeldInMemory(code) ? upperTreeChildren(code) : (grouped.get(code) ?? []),
    );
  });
  return { byCode, childrenOf };
}

export type RegionLoaders = ReturnType<typeof createRegionLoaders>;
