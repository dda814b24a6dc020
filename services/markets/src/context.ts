import type { SubgraphContext } from '@xgz/kit';
import type { marketsModules } from './markets.modules.js';

/** What markets' resolvers are given: the viewer, a region-scoped entity manager and every module's loaders. */
export type MarketsContext = SubgraphContext<typeof marketsModules>;
