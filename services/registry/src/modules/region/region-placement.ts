import type { EntityManager } from '@mikro-orm/postgresql';
import { assertPlaceableCode, badUserInput, type Viewer } from '@xgz/kit';
import { RegionEntity } from './region.entity.js';

/**
 * Records are placed at a township (9 digits) or village (12 digits) that exists and lies inside
 * the viewer's region.
 */
export async function assertPlaceableRegion(
  em: EntityManager,
  viewer: Viewer,
  code: string,
  argument = 'regionCode',
): Promise<void> {
  assertPlaceableCode(viewer, code, argument);
  if (!(await em.findOne(RegionEntity, { code })))
    throw badUserInput(`${argument} "${code}" is not a known region code.`, argument);
}
