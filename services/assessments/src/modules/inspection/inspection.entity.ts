import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';

/** An inspection visit (互查互学互促) to a region, with its date and findings. */
export const InspectionEntity = defineEntity({
  name: 'Inspection',
  tableName: 'inspection',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    regionCode: p.string().length(12).index('inspection_region_code_index'),
    inspectedOn: p.date(),
    findings: p.text(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type InspectionRow = InferEntity<typeof InspectionEntity>;
