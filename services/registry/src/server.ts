import type { SubgraphDefinition } from '@xgz/kit';
import { createRegistryLoaders } from './context.js';
import { registryDatabase } from './mikro-orm.config.js';
import { registrySchema } from './schema.js';

/** Registry (底数台账): regions, market entities and party members. */
export const registrySubgraph: SubgraphDefinition<ReturnType<typeof createRegistryLoaders>> = {
  name: 'registry',
  defaultPort: 4001,
  database: registryDatabase,
  schema: registrySchema,
  createLoaders: createRegistryLoaders,
};
