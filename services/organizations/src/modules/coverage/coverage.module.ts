import { defineModule } from '@xgz/kit';
import { CoverageLinkEntity } from './coverage-link.entity.js';
import { entityCoverageFacts } from './entity-coverage.derived.js';
import { organizationsSettings } from '../../organizations.settings.js';

/** Coverage (覆盖): which organizations cover which market entities, counted by registry's fed facts. */
export const coverageModule = defineModule({
  name: 'coverage',
  settings: [organizationsSettings],
  entities: [CoverageLinkEntity],
  derivedFacts: [entityCoverageFacts],
  uses: ['audit'],
});
