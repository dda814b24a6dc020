import type { SubgraphDefinition } from '@xgz/kit';
import { createRegistryLoaders } from './context.js';
import { registryDatabase } from './mikro-orm.config.js';
import { registrySchema } from './schema.js';
import { marketEntityFacts } from './modules/market-entity/market-entity.facts.js';
import { memberImportWorker } from './modules/member-import-job/member-import-job.worker.js';
import { partyMemberFacts } from './modules/party-member/party-member.facts.js';

/** Registry (底数台账): regions, market entities and party members. */
export const registrySubgraph: SubgraphDefinition<ReturnType<typeof createRegistryLoaders>> = {
  name: 'registry',
  defaultPort: 4001,
  database: registryDatabase,
  schema: registrySchema,
  createLoaders: createRegistryLoaders,
  // Organizations (and later assessments) count by these facts without reading registry's tables.
  feed: {
    publishes: { types: [marketEntityFacts.subjectType, partyMemberFacts.subjectType], consumers: ['organizations'] },
  },
  // Registration forms too large for one request are imported as jobs, beside serving.
  workers: [memberImportWorker],
};
