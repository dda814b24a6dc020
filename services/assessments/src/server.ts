import type { SubgraphDefinition } from '@xgz/kit';
import { createAssessmentsLoaders } from './context.js';
import { assessmentsDatabase } from './mikro-orm.config.js';
import { assessmentsSchema } from './schema.js';

/** Assessments (考评): pioneer index, trainings, market standardization, inspections. */
export const assessmentsSubgraph: SubgraphDefinition<ReturnType<typeof createAssessmentsLoaders>> = {
  name: 'assessments',
  defaultPort: 4004,
  database: assessmentsDatabase,
  schema: assessmentsSchema,
  createLoaders: createAssessmentsLoaders,
};
