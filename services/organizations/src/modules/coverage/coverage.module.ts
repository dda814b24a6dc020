import { defineModule } from '@xgz/kit';
import { CoverageLinkEntity } from './coverage-link.entity.js';
import { entityCoverageFacts } from './entity-coverage.facts.js';
import { registryFactsSubscription } from './registry-facts.subscription.js';

/** Coverage (覆盖): which organizations cover which market entities, counted by registry's fed facts. */
export const coverageModule = defineModule({
  name: 'coverage',
  entities: [CoverageLinkEntity],
  // Coverage counts entities by registry's facts: a dated copy fed by registry, never its tables.
  subscriptions: [registryFactsSubscription],
  derivedFacts: [entityCoverageFacts],
  uses: ['audit'],
});
