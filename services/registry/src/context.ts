import type { SubgraphContext } from '@xgz/kit';
import type { registryModules } from './registry.modules.js';

/** What registry's resolvers are given: the viewer, a region-scoped entity manager and every module's loaders. */
export type RegistryContext = SubgraphContext<typeof registryModules>;
