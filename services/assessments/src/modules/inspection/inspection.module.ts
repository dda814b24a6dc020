import { defineModule, type SubgraphModule } from '@xgz/kit';
import { InspectionEntity } from './inspection.entity.js';
import { createInspectionLoaders } from './inspection.loaders.js';
import { inspectionReference } from './inspection.reference.js';
import { InspectionResolver } from './inspection.resolver.js';

type Loaders = { inspections: ReturnType<typeof createInspectionLoaders> };

/** Inspections (检查) of markets and entities. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const inspectionModule: SubgraphModule<Loaders> = defineModule({
  name: 'inspection',
  entities: [InspectionEntity],
  resolvers: [InspectionResolver],
  references: inspectionReference,
  loaders: (em, viewer) => ({ inspections: createInspectionLoaders(em, viewer) }),
});
