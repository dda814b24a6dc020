import { defineSubgraph } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { assessmentsModules } from './assessments.modules.js';

/** Assessments (考评): pioneer index, trainings, market standardization, inspections. Postgres schema `assessments`. */
export const assessmentsSubgraph = defineSubgraph({
  name: 'assessments',
  defaultPort: 4004,
  modules: assessmentsModules,
  migrations,
});
