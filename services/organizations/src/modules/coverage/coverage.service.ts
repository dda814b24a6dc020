import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, assertUuid, badUserInput, domainError, endDatedLink, findPage, WRITER_ROLES, type Viewer } from '@xgz/kit';
import { OrganizationErrorCode } from '../party-organization/party-organization.errors.js';
import type { PartyOrganizationRow } from '../party-organization/party-organization.entity.js';
import { CoverageLinkEntity } from './coverage-link.entity.js';
import { knownEntities, type KnownEntity } from './fed-entities.js';
import { alivePeriods, rederiveCoverage } from './organization-links.js';
import { writeOrganizationEvent } from '../party-organization/organization-event.js';

/** The most entities one call may link: a joint branch covers a street, not a city. */
export const MAX_ENTITIES_PER_CALL = 100;

/**
 * An organization covers market entities from a date (覆盖): each must be registered, inside the
 * organization's region and not already covered by it. Their coverage is re-derived at once.
 */
export function coverMarketEntities(em: EntityManager, viewer: Viewer, organizationId: string, entityIds: readonly string[], fromDate: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'change coverage');
  const ids = [...new Set(entityIds)];
  if (ids.length === 0 || ids.length > MAX_ENTITIES_PER_CALL) throw badUserInput(`entityIds must list 1–${MAX_ENTITIES_PER_CALL} entities.`, 'entityIds');
  ids.forEach((id) => assertUuid(id, 'entityIds'));
  let entities: Map<string, KnownEntity>;
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: fromDate,
    dateArgument: 'fromDate',
    check: async (organization, tx) => {
      entities = await knownEntities(tx, ids, 'entityIds');
      const outside = [...entities.values()].find((entity) => !entity.regionCode.startsWith(organization.regionCode));
      if (outside) {
        throw domainError(
          OrganizationErrorCode.EntityOutsideOrganization,
          `Entity ${outside.id} lies at ${outside.regionCode}, outside ${organization.name}'s region ${organization.regionCode}.`,
        );
      }
      const open = await tx.find(CoverageLinkEntity, { organizationId: organization.id, entityId: { $in: ids }, toDate: null });
      if (open.length > 0)
        throw domainError(OrganizationErrorCode.AlreadyCovered, `Entity ${open[0]!.entityId} is already covered by ${organization.name} since ${open[0]!.fromDate}.`);
    },
    apply: async (organization, tx) => {
      const alive = await alivePeriods(tx, organization.id);
      for (const id of ids) {
        tx.create(CoverageLinkEntity, {
          regionCode: entities.get(id)!.regionCode,
          organizationId: organization.id,
          entityId: id,
          fromDate,
          toDate: null,
          lastChangeOn: fromDate,
          formation: organization.formation,
          organizationAlive: alive,
        } as never);
      }
    },
    derive: (tx) => rederiveCoverage(tx, ids, viewer.subject),
    audit: { action: 'COVER_ENTITIES', detail: { entityIds: ids } },
  });
}

/** The organization stops covering an entity from a date (the link stays, ended). */
export function endCoverage(em: EntityManager, viewer: Viewer, organizationId: string, entityId: string, endedOn: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'change coverage');
  assertUuid(entityId, 'entityId');
  return writeOrganizationEvent(em, viewer, {
    organizationId,
    on: endedOn,
    dateArgument: 'endedOn',
    living: false,
    apply: async (organization, tx) => {
      const link = await tx.findOne(CoverageLinkEntity, { organizationId: organization.id, entityId, toDate: null });
      if (!link) throw domainError(OrganizationErrorCode.NotCovered, `${organization.name} does not cover entity ${entityId} now.`);
      endDatedLink(tx, link, endedOn, 'endedOn', 'the date the coverage began');
    },
    derive: (tx) => rederiveCoverage(tx, [entityId], viewer.subject),
    audit: { action: 'END_COVERAGE', detail: { entityId } },
  });
}

/** One page of an organization's coverage links (a sector-wide organization may cover thousands). */
export const listCoverage = (em: EntityManager, organizationId: string, first: number | null | undefined, after: string | null | undefined) =>
  findPage(em, CoverageLinkEntity, { organizationId }, { first, after });
