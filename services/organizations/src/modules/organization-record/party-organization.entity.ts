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
  uniques: [
    // One living organization per region, host, level and name: a form sent twice (or eight times at once) makes one.
    {
      name: 'party_organization_living_unique',
      expression: `create unique index "party_organization_living_unique" on "organizations"."party_organization" ("region_code", "host_kind", coalesce("host_id"::text, ''), coalesce("host_name", ''), "level", "name") where "dissolved_on" is null`,
    },
    // At most one living standalone organization per host entity.
    {
      name: 'party_organization_standalone_host_unique',
      properties: ['hostId'],
      where: `"formation" = 'STANDALONE' and "dissolved_on" is null`,
    },
  ],
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
    /**
     * The latest day something began or happened in the organization (coverage, a post, a
     * membership, a meeting held, a venue check, an election): it may not be dissolved on or before it.
     */
    latestRecordOn: p.date().nullable(),
  },
  policies: placedRecordPolicies,
});

export type PartyOrganizationRow = InferEntity<typeof PartyOrganizationEntity>;
