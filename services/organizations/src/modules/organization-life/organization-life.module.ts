import { defineModule, type SubgraphModule } from '@xgz/kit';
import { LifeMembershipEntity } from './life-membership.entity.js';
import { createLifeMembershipLoaders } from './life-membership.loaders.js';
import { LifeMembershipResolver } from './life-membership.resolver.js';
import { memberLifeFacts } from './member-life.derived.js';
import { OrganizationMembersResolver } from './organization-members.resolver.js';
import { organizationsSettings } from '../../organizations.settings.js';

type Loaders = { lifeMemberships: ReturnType<typeof createLifeMembershipLoaders> };

/** Organization life (组织生活): which organization each member takes part in, day by day. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const organizationLifeModule: SubgraphModule<Loaders> = defineModule({
  name: 'organization-life',
  settings: [organizationsSettings],
  entities: [LifeMembershipEntity],
  resolvers: [LifeMembershipResolver, OrganizationMembersResolver],
  loaders: (em) => ({ lifeMemberships: createLifeMembershipLoaders(em) }),
  derivedFacts: [memberLifeFacts],
  uses: ['audit'],
});
