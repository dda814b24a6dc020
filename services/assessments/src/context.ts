import type { SubgraphContext } from '@xgz/kit';
import type { assessmentsModules } from './assessments.modules.js';

/** What assessments' resolvers are given: the viewer, a region-scoped entity manager and every module's loaders. */
export type AssessmentsContext = SubgraphContext<typeof assessmentsModules>;
