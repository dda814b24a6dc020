export * from './database.js';
export * from './graphql.js';
export * from './subgraphs.js';
export * from './region-scoped-contract.js';
export * from './subgraph-processes.js';
export * from './owned-database.js';
export * from './out-of-region.js';
export * from './sequences.js';
