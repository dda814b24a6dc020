import { regionReference } from './modules/region/region.reference.js';
import { RegionResolver } from './modules/region/region.resolver.js';
import type { SubgraphSchemaDefinition } from '@xgz/kit';

export const registrySchema: SubgraphSchemaDefinition = {
  resolvers: [RegionResolver],
  references: { ...regionReference },
};
