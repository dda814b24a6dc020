import type { FactDefinition } from '@xgz/kit';
import { OrganizationFormation } from './organization-formation.js';
import { OrganizationLevel } from './organization-level.js';

/** What of an organization the figures (and the coverage of the entities it covers) follow. */
export interface PartyOrganizationFactState extends Record<string, unknown> {
  regionCode: string;
  level: OrganizationLevel;
  formation: OrganizationFormation;
  /** False while dissolved: it then covers nothing and counts nowhere. */
  active: boolean;
}

export const organizationMetrics = {
  total: 'organization.total',
  level: (level: OrganizationLevel) => `organization.level.${level}`,
  formation: (formation: OrganizationFormation) => `organization.formation.${formation}`,
  all(): string[] {
    return [
      this.total,
      ...Object.values(OrganizationLevel).map(this.level),
      ...Object.values(OrganizationFormation).map(this.formation),
    ];
  },
};

export const partyOrganizationFacts: FactDefinition<PartyOrganizationFactState> = {
  subjectType: 'PartyOrganization',
  regionOf: (state) => state.regionCode,
  metricsOf: (state) =>
    state.active
      ? [
          organizationMetrics.total,
          organizationMetrics.level(state.level),
          organizationMetrics.formation(state.formation),
        ]
      : [],
};
