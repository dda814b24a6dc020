import { defineModule, type SubgraphModule } from '@xgz/kit';
import { OrganizationRoleEntity } from './organization-role.entity.js';
import { createOrganizationRoleLoaders } from './organization-role.loaders.js';
import { OrganizationRoleResolver } from './organization-role.resolver.js';

type Loaders = { organizationRoles: ReturnType<typeof createOrganizationRoleLoaders> };

/** Committee posts (支部委员): secretary (书记), deputy secretary and members, with their dated terms of office. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const organizationRoleModule: SubgraphModule<Loaders> = defineModule({
  name: 'organization-role',
  entities: [OrganizationRoleEntity],
  resolvers: [OrganizationRoleResolver],
  loaders: (em) => ({ organizationRoles: createOrganizationRoleLoaders(em) }),
  uses: ['audit'],
});
