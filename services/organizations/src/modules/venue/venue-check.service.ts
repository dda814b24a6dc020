import type { EntityManager } from '@mikro-orm/postgresql';
import { assertNotBefore, assertRole, figureDate, WRITER_ROLES, writeDatedChange, type Viewer } from '@xgz/kit';
import { organizationDissolved } from '../party-organization/party-organization.errors.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from '../party-organization/party-organization.entity.js';
import type { PartyOrganizationFactState } from '../party-organization/party-organization.facts.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import type { VenueCheckInput } from './venue-check.inputs.js';
import { VenueCheckEntity, type VenueCheckRow } from './venue-check.entity.js';

/** Records a "六有" check of an organization's venue; a second check on the same day replaces the first. */
export async function recordVenueCheck(em: EntityManager, viewer: Viewer, organizationId: string, input: VenueCheckInput): Promise<VenueCheckRow> {
  assertRole(viewer, WRITER_ROLES, 'record venue checks');
  let check: VenueCheckRow | undefined;
  await writeDatedChange<PartyOrganizationRow, PartyOrganizationFactState>(em, viewer, {
    entity: PartyOrganizationEntity,
    id: organizationId,
    what: 'party organization',
    effectiveOn: input.checkedOn,
    dateArgument: 'input.checkedOn',
    afterLastChange: false,
    check: (organization) => {
      if (organization.dissolvedOn) throw organizationDissolved(organization.name, organization.dissolvedOn);
      assertNotBefore(input.checkedOn, organization.establishedOn, 'input.checkedOn', 'the date the organization was established');
    },
    apply: async (organization, tx) => {
      const items = { place: input.place, facilities: input.facilities, sign: input.sign, flag: input.flag, booksAndPapers: input.booksAndPapers, rules: input.rules };
      check = (await tx.findOne(VenueCheckEntity, { organizationId: organization.id, checkedOn: input.checkedOn })) ?? undefined;
      if (check) Object.assign(check, items);
      else check = tx.create(VenueCheckEntity, { regionCode: organization.regionCode, organizationId: organization.id, checkedOn: input.checkedOn, ...items } as VenueCheckRow);
    },
    derive: (tx, organization) => rederiveStanding(tx, [organization.id], viewer.subject),
    audit: { action: 'RECORD_VENUE_CHECK', subjectType: 'PartyOrganization' },
  });
  return check!;
}

/** The check in force on a date: the latest on or before it. */
export const venueCheckOn = (em: EntityManager, organizationId: string, asOf: string | null | undefined) =>
  em.findOne(VenueCheckEntity, { organizationId, checkedOn: { $lte: figureDate(asOf) } }, { orderBy: { checkedOn: 'desc' } });
