import { defineModule, type SubgraphModule } from '@xgz/kit';
import { OrganizationElectionEntity } from './organization-election.entity.js';
import { createOrganizationTermLoaders } from './organization-term.loaders.js';
import { OrganizationTermResolver } from './organization-term.resolver.js';
import { organizationsSettings } from '../../organizations.settings.js';

type Loaders = { terms: ReturnType<typeof createOrganizationTermLoaders> };

/** Terms of office (任期) and elections (换届): when each organization's committee is due for re-election. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const termModule: SubgraphModule<Loaders> = defineModule({
  name: 'term',
  settings: [organizationsSettings],
  entities: [OrganizationElectionEntity],
  resolvers: [OrganizationTermResolver],
  loaders: (em) => ({ terms: createOrganizationTermLoaders(em) }),
  uses: ['audit'],
});
