import { p } from '@mikro-orm/core';
import { regionScopePolicy } from './rls-policy.js';

/**
 * The columns every record placed at a region starts with: a UUID id, the region code (collation
 * "C", so prefix ranges stay index scans on any server locale; indexed) and timestamps set by the
 * ORM. Spread it first in `properties`, and put `placedRecordPolicies` beside it.
 */
export const placedRecordProperties = (tableName: string) => ({
  id: p
    .uuid()
    .primary()
    .onCreate(() => crypto.randomUUID()),
  regionCode: p.string().length(12).collation('C').index(`${tableName}_region_code_index`),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});

/** Row-level security on the region code: a request sees and writes its region's rows only. */
export const placedRecordPolicies = [regionScopePolicy<{ regionCode: string }>('regionCode')];
