import type { EntityManager } from '@mikro-orm/postgresql';
import { regionScopedByIdLoader, regionSubtreeCountLoader, type Viewer } from '@xgz/kit';
import { InspectionEntity, type InspectionRow } from './inspection.entity.js';

export const createInspectionLoaders = (em: EntityManager, viewer: Viewer) => ({
  byId: regionScopedByIdLoader<InspectionRow>(em, InspectionEntity, viewer),
  countByRegion: regionSubtreeCountLoader(em, { table: 'inspection' }),
});
