import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, Viewer } from '@xgz/kit';
import { createRegionLoaders } from './modules/region/region.loaders.js';

export const createRegistryLoaders = (em: EntityManager, _viewer: Viewer) => ({
  regions: createRegionLoaders(em),
});

export type RegistryContext = RequestContext<ReturnType<typeof createRegistryLoaders>>;
