import { inspectionModule } from './modules/inspection/inspection.module.js';
import { regionModule } from './modules/region/region.module.js';

/** Assessments' aggregates: a new one is its folder under modules/ and one line here. */
export const assessmentsModules = [inspectionModule, regionModule] as const;
