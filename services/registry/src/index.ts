export { registrySubgraph } from './server.js';
export { registryDatabase } from './mikro-orm.config.js';
export { loadRegionTree } from './modules/region/region-tree.loader.js';
export { EXPECTED_REGION_COUNT } from './modules/region/region-tree.source.js';
