import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, Viewer } from '@xgz/kit';
import { createInspectionLoaders } from './modules/inspection/inspection.loaders.js';

export const createAssessmentsLoaders = (em: EntityManager, viewer: Viewer) => ({
  inspections: createInspectionLoaders(em, viewer),
});

export type AssessmentsContext = RequestContext<ReturnType<typeof createAssessmentsLoaders>>;
