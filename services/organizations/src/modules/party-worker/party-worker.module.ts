import { defineModule, type SubgraphModule } from '@xgz/kit';
import { PartyWorkerEntity, WorkerAssignmentEntity } from './party-worker.entity.js';
import { partyWorkerFacts } from './party-worker.facts.js';
import { createPartyWorkerLoaders } from './party-worker.loaders.js';
import { partyWorkerReference } from './party-worker.reference.js';
import { PartyWorkerResolver } from './party-worker.resolver.js';

type Loaders = { partyWorkers: ReturnType<typeof createPartyWorkerLoaders> };

/** Party workers: instructors (党建指导员) and liaisons (联络员) assigned to entities and organizations. */
// Typed here, not inferred: the context type is made of the modules' loaders, and resolvers use it.
export const partyWorkerModule: SubgraphModule<Loaders> = defineModule({
  name: 'party-worker',
  entities: [PartyWorkerEntity, WorkerAssignmentEntity],
  resolvers: [PartyWorkerResolver],
  references: partyWorkerReference,
  loaders: (em, viewer) => ({ partyWorkers: createPartyWorkerLoaders(em, viewer) }),
  facts: [partyWorkerFacts],
  uses: ['audit'],
});
