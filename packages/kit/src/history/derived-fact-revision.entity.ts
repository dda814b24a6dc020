import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The rule each kind of derived record's stored periods were computed under (its definition's
 * `revision`: code version and the settings it reads). A subgraph starting under another rule
 * re-derives every record of that kind first, so figures never mix two definitions.
 */
export const DerivedFactRevisionEntity = defineEntity({
  name: 'DerivedFactRevision',
  tableName: 'derived_fact_revision',
  properties: {
    subjectType: p.string().length(40).primary(),
    revision: p.text(),
    derivedAt: p.datetime(),
  },
});

export type DerivedFactRevisionRow = InferEntity<typeof DerivedFactRevisionEntity>;
