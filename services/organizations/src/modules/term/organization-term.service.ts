import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, assertRole, badUserInput, decodeCursor, domainError, figureDate, pageSize, scopedRegion, toConnection, today, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { OrganizationErrorCode } from '../party-organization/party-organization.errors.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from '../party-organization/party-organization.entity.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { OrganizationElectionEntity } from './organization-election.entity.js';
import { termEndsOn, termYears } from './organization-term.js';
import { TermStatus } from './term-status.js';
import { writeOrganizationEvent } from '../party-organization/organization-event.js';

/** An organization's term on a date: the latest election on or before it, and when that term ends. */
export interface OrganizationTermView {
  electedOn: string;
  years: number;
  endsOn: string;
  overdue: boolean;
}

/** Records an election (换届选举) on a date: a new term starts, the overdue count falls. */
export async function recordElection(em: EntityManager, viewer: Viewer, organizationId: string, electedOn: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'record elections');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: electedOn,
    dateArgument: 'electedOn',
    check: async (organization, tx) => {
      if (await tx.count(OrganizationElectionEntity, { organizationId: organization.id, electedOn })) {
        throw domainError(OrganizationErrorCode.ElectionRecorded, `An election of ${organization.name} on ${electedOn} is recorded already.`);
      }
    },
    apply: (organization, tx) => {
      tx.create(OrganizationElectionEntity, { regionCode: organization.regionCode, organizationId: organization.id, electedOn } as never);
      if (!organization.electedOn || electedOn > organization.electedOn) organization.electedOn = electedOn;
    },
    derive: (tx, organization) => rederiveStanding(tx, [organization.id], viewer.subject),
    audit: { action: 'RECORD_ELECTION' },
  });
}

/** The term in force on `date`, or null before the first election. */
export async function termOn(em: EntityManager, organization: Pick<PartyOrganizationRow, 'id' | 'level'>, asOf: string | null | undefined): Promise<OrganizationTermView | null> {
  const date = figureDate(asOf);
  const election = await em.findOne(OrganizationElectionEntity, { organizationId: organization.id, electedOn: { $lte: date } }, { orderBy: { electedOn: 'desc' } });
  if (!election) return null;
  const endsOn = termEndsOn(organization.level, election.electedOn);
  return { electedOn: election.electedOn, years: termYears(organization.level), endsOn, overdue: date >= endsOn };
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
  if (withinMonths < 1 || withinMonths > 24) throw badUserInput('withinMonths must be between 1 and 24.', 'withinMonths');
  const size = pageSize(page.first);
  const day = today();
  const [lower, upper] = status === TermStatus.OVERDUE ? ['0001-01-01', day] : [day, addMonths(day, withinMonths)];
  // The term's end follows the configured years per level, so it is computed here, not stored.
  const where = `starts_with(region_code, ?) and dissolved_on is null and elected_on is not null
     and (elected_on + make_interval(years => case when level = 'COMMITTEE' then ?::int else ?::int end))::date >= ?::date
     and (elected_on + make_interval(years => case when level = 'COMMITTEE' then ?::int else ?::int end))::date ${status === TermStatus.OVERDUE ? '<=' : '<'} ?::date`;
  const years = [organizationsSettings.TERM_YEARS_COMMITTEE, organizationsSettings.TERM_YEARS_BRANCH];
  const params = [region, ...years, lower, ...years, status === TermStatus.OVERDUE ? day : upper];
  const after = page.after ? decodeCursor(page.after) : '00000000-0000-0000-0000-000000000000';
  const [ids, [count]] = await Promise.all([
    em.execute<{ id: string }[]>(`select id from party_organization where ${where} and id > ? order by id limit ?`, [...params, after, size + 1]),
    em.execute<{ total: number }[]>(`select count(*)::int as total from party_organization where ${where}`, params),
  ]);
  const rows = await em.find(PartyOrganizationEntity, { id: { $in: ids.map((row) => row.id) } }, { orderBy: { id: 'asc' } });
  return toConnection(rows, size, count!.total, (row) => row);
}
