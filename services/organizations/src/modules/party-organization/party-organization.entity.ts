import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { OrganizationLevel } from './organization-level.js';
import { OrganizationFormation } from './organization-formation.js';
import { OrganizationHostKind } from './organization-host.js';

/**
 * A party organization as it is now; its dated life (established, dissolved, re-formed) lives in
 * fact_version. Never deleted: market branches "form, scatter and re-form", and history survives.
 */
export const PartyOrganizationEntity = defineEntity({
  name: 'PartyOrganization',
  tableName: 'party_organization',
  properties: {
    ...placedRecordProperties('party_organization'),
    name: p.text(),
    level: p.enum(() => OrganizationLevel),
    formation: p.enum(() => OrganizationFormation),
    /** The organization above it in the tree; never one of its own descendants. */
    parentId: p.uuid().nullable().index('party_organization_parent_index'),
    hostKind: p.enum(() => OrganizationHostKind),
    hostId: p.uuid().nullable(),
    hostName: p.text().nullable(),
    establishedOn: p.date(),
    /** Set while dissolved; cleared when re-formed (the periods keep both). */
    dissolvedOn: p.date().nullable(),
    /** The latest election (换届); the term runs TERM_YEARS_* from it. Elections are kept in organization_election. */
    electedOn: p.date().nullable(),
    /** Effective date of the latest recorded change; later changes may not be dated before it. */
    lastChangeOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type PartyOrganizationRow = InferEntity<typeof PartyOrganizationEntity>;
