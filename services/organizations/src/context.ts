import type { SubgraphContext } from '@xgz/kit';
import type { organizationsModules } from './organizations.modules.js';

/** What organizations' resolvers are given: the viewer, a region-scoped entity manager and every module's loaders. */
export type OrganizationsContext = SubgraphContext<typeof organizationsModules>;
