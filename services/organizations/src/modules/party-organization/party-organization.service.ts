import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotBefore,
  assertNotFuture,
  assertPlaceableCode,
  assertRole,
  assertUuid,
  badUserInput,
  domainError,
  findPage,
  notFound,
  scopedRegion,
  WRITER_ROLES,
  writeDatedChange,
  writeDatedStart,
  type Viewer,
} from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { CoverageLinkEntity } from '../coverage/coverage-link.entity.js';
import { STANDALONE_CAPABLE_MEMBERS } from '../coverage/entity-coverage.facts.js';
import { formalMembersOf, knownEntities } from '../coverage/fed-entities.js';
import { alivePeriods, refreshOrganizationLinks } from '../coverage/organization-links.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { OrganizationElectionEntity } from '../term/organization-election.entity.js';
import { OrganizationFormation } from './organization-formation.js';
import { OrganizationHostKind } from './organization-host.js';
import { OrganizationLevel } from './organization-level.js';
import { organizationActive, organizationDissolved, OrganizationErrorCode } from './party-organization.errors.js';
import { partyOrganizationFacts, type PartyOrganizationFactState } from './party-organization.facts.js';
import { PartyOrganizationEntity, type PartyOrganizationRow } from './party-organization.entity.js';
import type { FormPartyOrganizationInput } from './party-organization.inputs.js';

export const organizationFactState = (row: PartyOrganizationRow): PartyOrganizationFactState => ({
  regionCode: row.regionCode,
  level: row.level,
  formation: row.formation,
  active: row.dissolvedOn == null,
});

/** Which level may sit under which: a branch under a general branch or committee, a general branch under a committee. */
const RANK: Record<OrganizationLevel, number> = { [OrganizationLevel.COMMITTEE]: 3, [OrganizationLevel.GENERAL_BRANCH]: 2, [OrganizationLevel.BRANCH]: 1 };

export interface FormedOrganization {
  organization: PartyOrganizationRow;
  /** Rules the organization does not meet but that configuration lets pass (STANDALONE_MEMBER_RULE=WARN). */
  warnings: string[];
}

async function checkParent(em: EntityManager, input: Pick<FormPartyOrganizationInput, 'parentId' | 'level' | 'regionCode'>): Promise<void> {
  if (!input.parentId) return;
  assertUuid(input.parentId, 'input.parentId');
  const parent = await em.findOne(PartyOrganizationEntity, { id: input.parentId });
  if (!parent) throw notFound(`input.parentId: no party organization ${input.parentId} in your region.`);
  if (parent.dissolvedOn) throw organizationDissolved(parent.name, parent.dissolvedOn);
  if (RANK[parent.level] <= RANK[input.level]) {
    throw domainError(OrganizationErrorCode.ParentLevel, `A ${input.level} cannot sit under a ${parent.level}: the parent must be of a higher level.`);
  }
  if (!input.regionCode.startsWith(parent.regionCode)) {
    throw badUserInput(`input.regionCode ${input.regionCode} lies outside the parent's region ${parent.regionCode}.`, 'input.regionCode');
  }
}

/** What the host must carry, and the standalone rule (≥ 3 formal members working in the host entity). */
async function checkHost(em: EntityManager, input: FormPartyOrganizationInput, warnings: string[]): Promise<void> {
  if (input.hostKind === OrganizationHostKind.MARKET_ENTITY || input.hostKind === OrganizationHostKind.MARKET) {
    if (!input.hostId) throw badUserInput(`input.hostId is required for a ${input.hostKind} host.`, 'input.hostId');
    assertUuid(input.hostId, 'input.hostId');
  }
  if (input.hostKind === OrganizationHostKind.ASSOCIATION && !input.hostName?.trim()) {
    throw badUserInput('input.hostName is required for an ASSOCIATION host: name the association or branch.', 'input.hostName');
  }
  if (input.hostKind === OrganizationHostKind.MARKET_ENTITY) {
    const host = (await knownEntities(em, [input.hostId!], 'input.hostId')).get(input.hostId!)!;
    if (!host.regionCode.startsWith(input.regionCode)) {
      throw domainError(OrganizationErrorCode.EntityOutsideOrganization, `The host entity lies at ${host.regionCode}, outside the organization's region ${input.regionCode}.`);
    }
  }
  if (input.formation !== OrganizationFormation.STANDALONE) return;
  if (input.hostKind !== OrganizationHostKind.MARKET_ENTITY) {
    throw badUserInput('A STANDALONE organization is built in one market entity: hostKind must be MARKET_ENTITY.', 'input.hostKind');
  }
  const formal = await formalMembersOf(em, input.hostId!, input.establishedOn);
  if (formal >= STANDALONE_CAPABLE_MEMBERS) return;
  const message = `A standalone organization needs at least ${STANDALONE_CAPABLE_MEMBERS} formal members (正式党员) working in its host; registry lists ${formal} on ${input.establishedOn}.`;
  if (organizationsSettings.STANDALONE_MEMBER_RULE === 'REFUSE') throw domainError(OrganizationErrorCode.StandaloneTooFewMembers, message);
  warnings.push(message);
}

/**
 * Forms an organization (成立) from its establishment date. A standalone organization covers its
 * host entity from that date.
 */
export async function formPartyOrganization(em: EntityManager, viewer: Viewer, input: FormPartyOrganizationInput): Promise<FormedOrganization> {
  assertRole(viewer, WRITER_ROLES, 'form party organizations');
  const name = input.name.trim();
  if (!name) throw badUserInput('input.name must not be empty.', 'input.name');
  assertPlaceableCode(viewer, input.regionCode, 'input.regionCode', 'county');
  assertNotFuture(input.establishedOn, 'input.establishedOn');
  if (input.electedOn) {
    assertNotFuture(input.electedOn, 'input.electedOn');
    assertNotBefore(input.electedOn, input.establishedOn, 'input.electedOn', 'the date established');
  }
  await checkParent(em, input);
  const warnings: string[] = [];
  await checkHost(em, input, warnings);
  const organization = await writeDatedStart<PartyOrganizationRow, PartyOrganizationFactState>(em, viewer, {
    create: (tx) =>
      tx.create(PartyOrganizationEntity, {
        name,
        level: input.level,
        formation: input.formation,
        regionCode: input.regionCode,
        parentId: input.parentId ?? null,
        hostKind: input.hostKind,
        hostId: input.hostId ?? null,
        hostName: input.hostName?.trim() || null,
        establishedOn: input.establishedOn,
        electedOn: input.electedOn ?? input.establishedOn,
        dissolvedOn: null,
        lastChangeOn: input.establishedOn,
      } as PartyOrganizationRow),
    from: input.establishedOn,
    history: { facts: partyOrganizationFacts, stateOf: organizationFactState, reason: 'ESTABLISHED' },
    derive: async (tx, row) => {
      tx.create(OrganizationElectionEntity, { regionCode: row.regionCode, organizationId: row.id, electedOn: row.electedOn! } as never);
      await tx.flush();
      await rederiveStanding(tx, [row.id], viewer.subject);
      if (row.formation !== OrganizationFormation.STANDALONE || !row.hostId) return;
      const host = (await knownEntities(tx, [row.hostId], 'input.hostId')).get(row.hostId)!;
      tx.create(CoverageLinkEntity, {
        regionCode: host.regionCode,
        organizationId: row.id,
        entityId: row.hostId,
        fromDate: row.establishedOn,
        toDate: null,
        lastChangeOn: row.establishedOn,
        formation: row.formation,
        organizationAlive: await alivePeriods(tx, row.id),
      } as never);
      await tx.flush();
      await refreshOrganizationLinks(tx, row, viewer.subject);
    },
    audit: { action: 'FORM_ORGANIZATION', subjectType: 'PartyOrganization', detail: { establishedOn: input.establishedOn } },
  });
  return { organization, warnings };
}

/**
 * A change of an organization's life from a date (dissolved, re-formed), with the kit's recipe: its
 * history and figures, then every entity it covers re-derived.
 */
function changeOrganizationLife(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  effectiveOn: string,
  change: {
    dateArgument: string;
    reason: string;
    action: string;
    check(row: PartyOrganizationRow, tx: EntityManager): void | Promise<void>;
    apply(row: PartyOrganizationRow): void;
  },
): Promise<PartyOrganizationRow> {
  return writeDatedChange<PartyOrganizationRow, PartyOrganizationFactState>(em, viewer, {
    entity: PartyOrganizationEntity,
    id,
    what: 'party organization',
    effectiveOn,
    dateArgument: change.dateArgument,
    check: change.check,
    apply: change.apply,
    history: { facts: partyOrganizationFacts, stateOf: organizationFactState, reason: change.reason },
    derive: async (tx, row) => {
      await refreshOrganizationLinks(tx, row, viewer.subject);
      await rederiveStanding(tx, [row.id], viewer.subject);
    },
    audit: { action: change.action, subjectType: 'PartyOrganization' },
  });
}

/** Dissolves an organization (撤销) from a date: from then on it covers nothing and counts nowhere; its history stays. */
export function dissolvePartyOrganization(em: EntityManager, viewer: Viewer, id: string, dissolvedOn: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'dissolve party organizations');
  return changeOrganizationLife(em, viewer, id, dissolvedOn, {
    dateArgument: 'dissolvedOn',
    reason: 'DISSOLVED',
    action: 'DISSOLVE_ORGANIZATION',
    check: async (row, tx) => {
      if (row.dissolvedOn) throw organizationDissolved(row.name, row.dissolvedOn);
      const children = await tx.count(PartyOrganizationEntity, { parentId: row.id, dissolvedOn: null });
      if (children > 0) {
        throw domainError(OrganizationErrorCode.HasActiveChildren, `${row.name} has ${children} active organizations under it: dissolve or move them first.`);
      }
    },
    apply: (row) => {
      row.dissolvedOn = dissolvedOn;
    },
  });
}

/** Re-forms a dissolved organization (重建) from a date: it lives and covers its (open) links again. */
export function reformPartyOrganization(em: EntityManager, viewer: Viewer, id: string, reformedOn: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 're-form party organizations');
  return changeOrganizationLife(em, viewer, id, reformedOn, {
    dateArgument: 'reformedOn',
    reason: 'REFORMED',
    action: 'REFORM_ORGANIZATION',
    check: (row) => {
      if (!row.dissolvedOn) throw organizationActive(row.name);
    },
    apply: (row) => {
      row.dissolvedOn = null;
    },
  });
}

/**
 * Moves an organization under another parent (or to the top) from a date. The tree stays a tree:
 * the new parent may be neither the organization nor one of its descendants, and must rank higher.
 */
export function moveOrganization(em: EntityManager, viewer: Viewer, id: string, parentId: string | null, movedOn: string): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'move party organizations');
  if (parentId) assertUuid(parentId, 'parentId');
  return writeDatedChange<PartyOrganizationRow, PartyOrganizationFactState>(em, viewer, {
    entity: PartyOrganizationEntity,
    id,
    what: 'party organization',
    effectiveOn: movedOn,
    dateArgument: 'movedOn',
    check: async (row, tx) => {
      if (row.dissolvedOn) throw organizationDissolved(row.name, row.dissolvedOn);
      if (!parentId) return;
      // The new parent's ancestors, walked in the database (bounded by the tree's depth).
      const ancestors = await tx.execute<{ id: string }[]>(
        `with recursive up(id, parent_id, depth) as (
           select id, parent_id, 0 from party_organization where id = ?
           union all
           select o.id, o.parent_id, up.depth + 1 from party_organization o join up on o.id = up.parent_id where up.depth < 50
         ) select id from up`,
        [parentId],
      );
      if (ancestors.length === 0) throw notFound(`parentId: no party organization ${parentId} in your region.`);
      if (ancestors.some((ancestor) => ancestor.id === row.id)) {
        throw domainError(OrganizationErrorCode.Cycle, `${row.name} cannot move under ${parentId}: that organization is ${row.name} itself or lies under it.`);
      }
      await checkParent(tx, { parentId, level: row.level, regionCode: row.regionCode });
    },
    apply: (row) => {
      row.parentId = parentId;
    },
    audit: { action: 'MOVE_ORGANIZATION', subjectType: 'PartyOrganization', detail: { parentId } },
  });
}

/** Organizations placed at or under a region, in id order a page at a time. */
export function listOrganizations(
  em: EntityManager,
  viewer: Viewer,
  filter: { regionCode?: string | null; level?: OrganizationLevel | null; includeDissolved: boolean },
  page: { first: number | null | undefined; after: string | null | undefined },
) {
  const region = scopedRegion(viewer, filter.regionCode, 'regionCode', 'party organizations');
  return findPage(
    em,
    PartyOrganizationEntity,
    {
      regionCode: { $like: `${region}%` },
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.includeDissolved ? {} : { dissolvedOn: null }),
    },
    page,
  );
}
