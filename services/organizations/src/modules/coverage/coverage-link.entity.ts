import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { datedLinkProperties, periodCheck, placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import type { AlivePeriod } from '../organization-record/alive-periods.js';
import { OrganizationFormation } from '../organization-record/organization-formation.js';

/**
 * An organization covers a market entity from `fromDate` until `toDate` (exclusive; null = still).
 * Placed at the entity's region: coverage counts where the entity is. Ended links stay.
 */
export const CoverageLinkEntity = defineEntity({
  name: 'CoverageLink',
  tableName: 'coverage_link',
  checks: [periodCheck('coverage_link')],
  indexes: [{ name: 'coverage_link_organization_index', properties: ['organizationId', 'fromDate'] }],
  uniques: [
    { name: 'coverage_link_open_unique', properties: ['organizationId', 'entityId'], where: 'to_date is null' },
  ],
  properties: {
    ...placedRecordProperties('coverage_link'),
    organizationId: p.uuid(),
    entityId: p.uuid().index('coverage_link_entity_index'),
    ...datedLinkProperties(),
    /**
     * The organization's formation and the periods it is alive, copied onto each of its links
     * whenever they change: an entity's coverage is derived from rows placed at the entity's region
     * alone, so any official who may see the entity may re-derive it (RLS hides organizations
     * placed above them).
     */
    formation: p.enum(() => OrganizationFormation),
    organizationAlive: p.json<AlivePeriod[]>(),
  },
  policies: placedRecordPolicies,
});

export type CoverageLinkRow = InferEntity<typeof CoverageLinkEntity>;
