import type { SubgraphDatabaseDefinition } from '@xgz/kit';
import { migrations } from './migrations/index.js';
import { InspectionEntity } from './modules/inspection/inspection.entity.js';

/** Postgres schema `assessments`, roles assessments_owner / assessments_app. */
export const assessmentsDatabase: SubgraphDatabaseDefinition = {
  name: 'assessments',
  entities: [InspectionEntity],
  migrations,
};
