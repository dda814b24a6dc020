import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '@xgz/kit';
import { OrganizationLevel } from './organization-level.js';

/** A party organization placed at a region; dissolved ones stay, with their date (history survives). */
export const PartyOrganizationEntity = defineEntity({
  name: 'PartyOrganization',
  tableName: 'party_organization',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    name: p.text(),
    level: p.enum(() => OrganizationLevel),
    regionCode: p.string().length(12).index('party_organization_region_code_index'),
    establishedOn: p.date(),
    dissolvedOn: p.date().nullable(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type PartyOrganizationRow = InferEntity<typeof PartyOrganizationEntity>;
