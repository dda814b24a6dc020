import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RegionLevel } from './region-level.js';

/**
 * An administrative division. The tree is public reference data (no RLS): names and codes are
 * visible to every signed-in user; the figures hung on it are scoped by each subgraph.
 */
export const RegionEntity = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().length(12).collation('C').primary(),
    name: p.text(),
    level: p.enum(() => RegionLevel),
    parentCode: p.string().length(12).collation('C').nullable().index('region_parent_code_index'),
  },
});

export type RegionRow = InferEntity<typeof RegionEntity>;
