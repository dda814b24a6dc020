import type { EntityManager } from '@mikro-orm/postgresql';
import { figuresLoader, type RequestContext, type Viewer } from '@xgz/kit';
import { registryMetricNames } from './modules/figures/registry-figures.service.js';
import { createMarketEntityLoaders } from './modules/market-entity/market-entity.loaders.js';
import { createPartyMemberLoaders } from './modules/party-member/party-member.loaders.js';
import { createRegionLoaders } from './modules/region/region.loaders.js';

export const createRegistryLoaders = (em: EntityManager, viewer: Viewer) => ({
  regions: createRegionLoaders(em),
  marketEntities: createMarketEntityLoaders(em, viewer),
  partyMembers: createPartyMemberLoaders(em, viewer),
  figures: figuresLoader(em, registryMetricNames),
});

export type RegistryContext = RequestContext<ReturnType<typeof createRegistryLoaders>>;
