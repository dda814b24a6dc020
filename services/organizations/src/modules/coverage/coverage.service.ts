import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertRole,
  assertUuid,
  badUserInput,
  domainError,
  endDatedLink,
  findPage,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { writeOrganizationEvent } from '../organization-record/organization-event.js';
import { beforeRegistration, OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import type { PartyOrganizationRow } from '../organization-record/party-organization.entity.js';
import { CoverageLinkEntity } from './coverage-link.entity.js';
import { knownEntities } from './fed-entities.js';
import { rederiveCoverage } from './organization-links.js';

/** The most entities one call may link: a joint branch covers a street, not a city. */
export const MAX_ENTITIES_PER_CALL = 100;

/**
 * An organization covers market entities from a date (覆盖): each must be registered by then,
 * inside the organization's region and not already covered by it; the organization must be alive
 * that day. Their coverage is re-derived at once.
 */
export async function coverMarketEntities(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  entityIds: readonly string[],
  fromDate: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'change coverage');
  const ids = [...new Set(entityIds)];
  if (ids.length === 0 || ids.length > MAX_ENTITIES_PER_CALL)
    throw badUserInput(`entityIds must list 1–${MAX_ENTITIES_PER_CALL} entities.`, 'entityIds');
  ids.forEach((id) => assertUuid(id, 'entityIds'));
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: fromDate,
    dateArgument: 'fromDate',
    apply: async (organization, tx, alive) => {
      const entities = await knownEntities(tx, ids, 'entityIds');
      for (const entity of entities.values()) {
        if (!entity.regionCode.startsWith(organization.regionCode)) {
          throw domainError(
            OrganizationsErrorCode.EntityOutsideOrganization,
            `Entity ${entity.id} lies at ${entity.regionCode}, outside ${organization.name}'s region ${organization.regionCode}.`,
          );
        }
        if (fromDate < entity.since)
          throw beforeRegistration('fromDate', 'market entity', entity.id, fromDate, entity.since);
      }
      const open = await tx.find(CoverageLinkEntity, {
        organizationId: organization.id,
        entityId: { $in: ids },
        toDate: null,
      });
      if (open.length > 0)
        throw domainError(
          OrganizationsErrorCode.AlreadyCovered,
          `Entity ${open[0]!.entityId} is already covered by ${organization.name} since ${open[0]!.fromDate}.`,
        );
      for (const id of ids) {
        tx.create(CoverageLinkEntity, {
          regionCode: entities.get(id)!.regionCode,
          organizationId: organization.id,
          entityId: id,
          fromDate,
          toDate: null,
          lastChangeOn: fromDate,
          formation: organization.formation,
          organizationAlive: alive!,
        });
      }
      return organization;
    },
    derive: (tx) => rederiveCoverage(tx, ids, viewer.subject),
    audit: { action: 'COVER_ENTITIES', detail: { entityIds: ids } },
  });
}

/** The organization stops covering an entity from a date (the link stays, ended; ended on its first day, it is withdrawn). */
export function endCoverage(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  entityId: string,
  endedOn: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'change coverage');
  assertUuid(entityId, 'entityId');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: endedOn,
    dateArgument: 'endedOn',
    alive: 'NOT_REQUIRED',
    apply: async (organization, tx) => {
      const link = await tx.findOne(CoverageLinkEntity, { organizationId: organization.id, entityId, toDate: null });
      if (!link)
        throw domainError(
          OrganizationsErrorCode.NotCovered,
          `${organization.name} does not cover entity ${entityId} now.`,
        );
      endDatedLink(tx, link, endedOn, 'endedOn', 'the date the coverage began');
      return organization;
    },
    derive: (tx) => rederiveCoverage(tx, [entityId], viewer.subject),
    audit: { action: 'END_COVERAGE', detail: { entityId } },
  });
}

/** One page of an organization's coverage links (a sector-wide organization may cover thousands). */
export const listCoverage = (
  em: EntityManager,
  organizationId: string,
  first: number | null | undefined,
  after: string | null | undefined,
) => findPage(em, CoverageLinkEntity, { organizationId }, { first, after });
