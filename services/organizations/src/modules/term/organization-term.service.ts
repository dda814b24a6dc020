import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonths,
  assertRole,
  badUserInput,
  domainError,
  findSqlPage,
  figureDate,
  scopedRegion,
  today,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import type { OrganizationLevel } from '../organization-record/organization-level.js';
import { OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import {
  PartyOrganizationEntity,
  type PartyOrganizationRow,
} from '../organization-record/party-organization.entity.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { OrganizationElectionEntity } from './organization-election.entity.js';
import { termEndsOn, termYears } from '../standing/term-of-office.js';
import { TermStatus } from './term-status.js';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';

/** An organization's term on a date: the latest election on or before it, and when that term ends. */
export interface OrganizationTermView {
  electedOn: string;
  years: number;
  endsOn: string;
  overdue: boolean;
}

/** Records an election (换届选举) on a date: a new term starts, the overdue count falls. */
export async function recordElection(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  electedOn: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'record elections');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: electedOn,
    dateArgument: 'electedOn',
    check: async (organization, tx) => {
      if (await tx.count(OrganizationElectionEntity, { organizationId: organization.id, electedOn })) {
        throw domainError(
          OrganizationsErrorCode.ElectionRecorded,
          `An election of ${organization.name} on ${electedOn} is recorded already.`,
        );
      }
    },
    apply: (organization, tx) => {
      tx.create(OrganizationElectionEntity, {
        regionCode: organization.regionCode,
        organizationId: organization.id,
        electedOn,
      });
      if (!organization.electedOn || electedOn > organization.electedOn) organization.electedOn = electedOn;
      return organization;
    },
    derive: (tx, organization) => rederiveStanding(tx, [organization.id], viewer.subject),
    audit: { action: 'RECORD_ELECTION' },
  });
}

/** The latest election on or before a date of each organization (a loader). */
export async function electionsOn(
  em: EntityManager,
  organizationIds: readonly string[],
  date: string,
): Promise<Map<string, string>> {
  const rows = await em.find(
    OrganizationElectionEntity,
    { organizationId: { $in: [...organizationIds] }, electedOn: { $lte: date } },
    { orderBy: { electedOn: 'asc' } },
  );
  return new Map(rows.map((row) => [row.organizationId, row.electedOn]));
}

/** The term in force on `asOf` (today when omitted) from the latest election then, or null before the first. */
export function termOf(
  level: OrganizationLevel,
  electedOn: string | null,
  asOf: string | null | undefined,
): OrganizationTermView | null {
  if (!electedOn) return null;
  const date = figureDate(asOf);
  const endsOn = termEndsOn(level, electedOn);
  return { electedOn, years: termYears(level), endsOn, overdue: date >= endsOn };
}

/**
 * Living organizations of a region whose term is OVERDUE (ended, no new election) or DUE within
 * `withinMonths` (peer systems remind 6 and 3 months ahead), in id order a page at a time.
 */
export async function listTerms(
  em: EntityManager,
  viewer: Viewer,
  regionCode: string | null | undefined,
  status: TermStatus,
  withinMonths: number,
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const region = scopedRegion(viewer, regionCode, 'regionCode', 'organization terms');
  if (withinMonths < 1 || withinMonths > 24)
    throw badUserInput('withinMonths must be between 1 and 24.', 'withinMonths');
  const day = today();
  // The term's end follows the configured years per level, so it is computed here, not stored.
  const endsOn = `(elected_on + make_interval(years => case when level = 'COMMITTEE' then ?::int else ?::int end))::date`;
  const years = [organizationsSettings.get().TERM_YEARS_COMMITTEE, organizationsSettings.get().TERM_YEARS_BRANCH];
  const ids = await findSqlPage<{ id: string }>(
    em,
    {
      select: 'id',
      from: 'party_organization',
      // Overdue from the day the term ends (as termOn says); due: ending after today, within the window.
      where: `region_code like ? and dissolved_on is null and elected_on is not null and ${
        status === TermStatus.OVERDUE ? `${endsOn} <= ?::date` : `${endsOn} > ?::date and ${endsOn} <= ?::date`
      }`,
      params:
        status === TermStatus.OVERDUE
          ? [`${region}%`, ...years, day]
          : [`${region}%`, ...years, day, ...years, addMonths(day, withinMonths)],
      key: 'id',
    },
    page,
  );
  const rows = new Map(
    (await em.find(PartyOrganizationEntity, { id: { $in: ids.edges.map((edge) => edge.node.id) } })).map((row) => [
      row.id,
      row,
    ]),
  );
  return { ...ids, edges: ids.edges.map((edge) => ({ cursor: edge.cursor, node: rows.get(edge.node.id)! })) };
}
