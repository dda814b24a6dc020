import { defineSubgraph } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { organizationsModules } from './organizations.modules.js';

/** Organizations (党组织): the organization tree, how each was formed, and what it covers. Postgres schema `organizations`. */
export const organizationsSubgraph = defineSubgraph({
  name: 'organizations',
  defaultPort: 4002,
  modules: organizationsModules,
  migrations,
  errorCodeEnum: 'OrganizationsErrorCode',
  // Markets copies whether a market has an organization inside.
  feedConsumers: ['markets'],
});
