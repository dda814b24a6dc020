import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';

/** A committee elected (换届选举) on a date; its term runs from there. Placed at the organization's region. */
export const OrganizationElectionEntity = defineEntity({
  name: 'OrganizationElection',
  tableName: 'organization_election',
  uniques: [{ name: 'organization_election_unique', properties: ['organizationId', 'electedOn'] }],
  properties: {
    ...placedRecordProperties('organization_election'),
    organizationId: p.uuid(),
    electedOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type OrganizationElectionRow = InferEntity<typeof OrganizationElectionEntity>;
