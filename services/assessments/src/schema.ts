import { extendedRegionReference, type SubgraphSchemaDefinition } from '@xgz/kit';
import { inspectionReference } from './modules/inspection/inspection.reference.js';
import { InspectionResolver } from './modules/inspection/inspection.resolver.js';
import { RegionAssessmentsResolver } from './modules/region/region.resolver.js';
import { Region } from './modules/region/region.type.js';

export const assessmentsSchema: SubgraphSchemaDefinition = {
  resolvers: [InspectionResolver, RegionAssessmentsResolver],
  orphanedTypes: [Region],
  references: { ...inspectionReference, ...extendedRegionReference },
};
