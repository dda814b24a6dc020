import { datedAggregate } from '@xgz/kit';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';
import { partyOrganizationFacts, type PartyOrganizationFactState } from './party-organization.facts.js';

/** What of an organization its dated history (and the figures) follow. */
export const organizationFactState = (row: PartyOrganizationRow): PartyOrganizationFactState => ({
  regionCode: row.regionCode,
  level: row.level,
  formation: row.formation,
  active: row.dissolvedOn == null,
});

/** The kit's dated-write recipe bound to party organizations: their table, history and audit subject. */
export const partyOrganizationWrites = datedAggregate<PartyOrganizationRow, PartyOrganizationFactState>({
  entity: PartyOrganizationEntity,
  what: 'party organization',
  subjectType: partyOrganizationFacts.subjectType,
  history: { facts: partyOrganizationFacts, stateOf: organizationFactState },
});
