import { defineSubgraph } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { registryModules } from './registry.modules.js';

/** Registry (底数台账): regions, market entities and party members. Postgres schema `registry`. */
export const registrySubgraph = defineSubgraph({
  name: 'registry',
  defaultPort: 4001,
  modules: registryModules,
  migrations,
  errorCodeEnum: 'RegistryErrorCode',
  // Organizations and markets (and later assessments) count by registry's facts without reading its tables.
  feedConsumers: ['organizations', 'markets'],
});
