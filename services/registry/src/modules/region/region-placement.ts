import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRegionInScope, badUserInput, type Viewer } from '@xgz/kit';
import { RegionEntity } from './region.entity.js';

/**
 * Records are placed at a township (9 digits) or village (12 digits) that exists and lies inside
 * the viewer's region.
 */
export async function assertPlaceableRegion(em: EntityManager, viewer: Viewer, code: string, argument = 'regionCode'): Promise<void> {
  if (!/^(\d{9}|\d{12})$/.test(code)) {
    throw badUserInput(`${argument} "${code}" must be a township (9 digits) or village (12 digits) code.`, argument);
  }
  assertRegionInScope(viewer, code, 'records');
  if (!(await em.findOne(RegionEntity, { code }))) throw badUserInput(`${argument} "${code}" is not a known region code.`, argument);
}
