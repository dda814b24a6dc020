import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, isRegionCode } from '@xgz/kit';
import { RegionEntity, type RegionRow } from './region.entity.js';
import { RegionLevel } from './region-level.js';

export function assertRegionCode(code: string, argument: string): void {
  if (!isRegionCode(code)) {
    throw badUserInput(`${argument} "${code}" is not a division code: use 2, 4, 6, 9 or 12 digits (e.g. 33, 3301, 330110).`, argument);
  }
}

/** Regions at `level` under `parentCode` (whole country when null), or the provinces when neither is given. */
export function listRegions(em: EntityManager, parentCode: string | null, level: RegionLevel | null): Promise<RegionRow[]> {
  const where = {
    level: level ?? RegionLevel.PROVINCE,
    ...(parentCode ? { code: { $like: `${parentCode}%`, $ne: parentCode } } : {}),
  };
  return em.find(RegionEntity, where, { orderBy: { code: 'asc' } });
}
