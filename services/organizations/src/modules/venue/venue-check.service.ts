import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { rederiveStanding } from '../standing/rederive-standing.js';
import type { VenueCheckInput } from './venue-check.inputs.js';
import { VenueCheckEntity, type VenueCheckRow } from './venue-check.entity.js';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';

/** Records a "六有" check of an organization's venue; a second check on the same day replaces the first. */
export function recordVenueCheck(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  input: VenueCheckInput,
): Promise<VenueCheckRow> {
  assertRole(viewer, WRITER_ROLES, 'record venue checks');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: input.checkedOn,
    dateArgument: 'input.checkedOn',
    apply: async (organization, tx) => {
      const items = {
        place: input.place,
        facilities: input.facilities,
        sign: input.sign,
        flag: input.flag,
        booksAndPapers: input.booksAndPapers,
        rules: input.rules,
      };
      const earlier = await tx.findOne(VenueCheckEntity, {
        organizationId: organization.id,
        checkedOn: input.checkedOn,
      });
      if (earlier) return Object.assign(earlier, items);
      return tx.create(VenueCheckEntity, {
        regionCode: organization.regionCode,
        organizationId: organization.id,
        checkedOn: input.checkedOn,
        ...items,
      });
    },
    derive: (tx, organization) => rederiveStanding(tx, [organization.id], viewer.subject),
    audit: { action: 'RECORD_VENUE_CHECK' },
  });
}

/** The check in force on a date for each organization: the latest on or before it (a loader; checks are few per organization). */
export async function venueChecksOn(
  em: EntityManager,
  organizationIds: readonly string[],
  date: string,
): Promise<Map<string, VenueCheckRow>> {
  const rows = await em.find(
    VenueCheckEntity,
    { organizationId: { $in: [...organizationIds] }, checkedOn: { $lte: date } },
    { orderBy: { checkedOn: 'asc' } },
  );
  return new Map(rows.map((row) => [row.organizationId, row]));
}
