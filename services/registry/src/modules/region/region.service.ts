import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRegionCode, badUserInput } from '@xgz/kit';
import { RegionEntity, type RegionRow } from './region.entity.js';
import { RegionLevel } from './region-level.js';
import {
  childrenHeldInMemory,
  regionHeldInMemory,
  upperTreeChildren,
  upperTreeRegion,
  upperTreeRegionsAt,
} from './region-tree.in-memory.js';

/** Regions at `level` under `parentCode` (whole country when null), or the provinces when neither is given. */
export function listRegions(
  em: EntityManager,
  parentCode: string | null,
  level: RegionLevel | null,
): RegionRow[] | Promise<RegionRow[]> {
  if (level !== RegionLevel.VILLAGE) return upperTreeRegionsAt(level ?? RegionLevel.PROVINCE, parentCode);
  const where = {
    level,
    ...(parentCode ? { code: { $like: `${parentCode}%`, $ne: parentCode } } : {}),
  };
  return em.find(RegionEntity, where, { orderBy: { code: 'asc' } });
}

/**
 * One region by code (checked first: a malformed code is BAD_USER_INPUT, an unknown one null). Above
 * the village the answer is there at once, so the figures of a region and of a list beside it in
 * one operation are asked in the same tick and read in one statement.
 */
export function findRegion(
  byCode: DataLoader<string, RegionRow | null>,
  code: string,
): RegionRow | null | Promise<RegionRow | null> {
  assertRegionCode(code, 'code');
  return regionHeldInMemory(code) ? upperTreeRegion(code) : byCode.load(code);
}

/**
 * The regions a `regions` query asks for: a parent's children (batched), its descendants at a level,
 * or every region of a level country-wide — never every township or village of the country.
 */
export function regionsUnder(
  em: EntityManager,
  childrenOf: DataLoader<string, RegionRow[]>,
  parentCode: string | null | undefined,
  level: RegionLevel | null | undefined,
): RegionRow[] | Promise<RegionRow[]> {
  if (parentCode) assertRegionCode(parentCode, 'parentCode');
  if (!parentCode && (level === RegionLevel.TOWNSHIP || level === RegionLevel.VILLAGE)) {
    throw badUserInput(
      `Listing every ${level} in the country is too large: pass parentCode (a province, city or county).`,
      'parentCode',
    );
  }
  if (parentCode && !level)
    return childrenHeldInMemory(parentCode) ? upperTreeChildren(parentCode) : childrenOf.load(parentCode);
  return listRegions(em, parentCode ?? null, level ?? null);
}
