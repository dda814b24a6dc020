import { LockMode } from '@mikro-orm/core';
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
  onUniqueViolation,
  scopedRegion,
  WRITER_ROLES,
  type Viewer,
} from '@xgz/kit';
import { organizationsSettings } from '../../organizations.settings.js';
import { CoverageLinkEntity } from '../coverage/coverage-link.entity.js';
import { STANDALONE_CAPABLE_MEMBERS } from '../coverage/entity-coverage.derived.js';
import { formalMembersOf, knownEntities } from '../coverage/fed-entities.js';
import { refreshOrganizationLinks } from '../coverage/organization-links.js';
import { alivePeriods } from '../organization-record/alive-periods.js';
import { rederiveStanding } from '../standing/rederive-standing.js';
import { OrganizationElectionEntity } from '../term/organization-election.entity.js';
import { OrganizationFormation } from '../organization-record/organization-formation.js';
import { requireOpenMarket } from '../market/fed-markets.js';
import { marketOutsideOrganization } from '../market/market.errors.js';
import { rederiveMarketOrganizations } from '../market/market-organization.derived.js';
import { OrganizationHostKind } from '../organization-record/organization-host.js';
import { OrganizationLevel } from '../organization-record/organization-level.js';
import {
  beforeRegistration,
  organizationActive,
  organizationDissolved,
  OrganizationsErrorCode,
  parentDissolved,
} from '../organization-record/party-organization.errors.js';
import {
  PartyOrganizationEntity,
  type PartyOrganizationRow,
} from '../organization-record/party-organization.entity.js';
import type { FormPartyOrganizationInput } from './party-organization.inputs.js';
import { partyOrganizationWrites } from '../organization-record/party-organization.writes.js';

/** Which level may sit under which: a branch under a general branch or committee, a general branch under a committee. */
const RANK: Record<OrganizationLevel, number> = {
  [OrganizationLevel.COMMITTEE]: 3,
  [OrganizationLevel.GENERAL_BRANCH]: 2,
  [OrganizationLevel.BRANCH]: 1,
};

export interface FormedOrganization {
  organization: PartyOrganizationRow;
  /** Rules the organization does not meet but that configuration lets pass (STANDALONE_MEMBER_RULE=WARN). */
  warnings: string[];
}

/**
 * The parent, locked for this transaction (a dissolution of it waits, and then sees the new child):
 * alive, of a higher level, its region around the child's. No organization lives under a dissolved one.
 */
async function checkParent(
  tx: EntityManager,
  input: Pick<FormPartyOrganizationInput, 'parentId' | 'level' | 'regionCode'>,
  argument: string,
): Promise<void> {
  if (!input.parentId) return;
  assertUuid(input.parentId, argument);
  const parent = await tx.findOne(
    PartyOrganizationEntity,
    { id: input.parentId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!parent) throw notFound(`${argument}: no party organization ${input.parentId} in your region.`);
  if (parent.dissolvedOn) throw parentDissolved(parent.name, parent.dissolvedOn);
  if (RANK[parent.level] <= RANK[input.level]) {
    throw domainError(
      OrganizationsErrorCode.ParentLevel,
      `A ${input.level} cannot sit under a ${parent.level}: the parent must be of a higher level.`,
    );
  }
  if (!input.regionCode.startsWith(parent.regionCode)) {
    throw badUserInput(
      `input.regionCode ${input.regionCode} lies outside the parent's region ${parent.regionCode}.`,
      'input.regionCode',
    );
  }
}

/** What each kind of host carries: an id for an entity or market, a name for an association, nothing for a region. */
function checkHostFields(input: FormPartyOrganizationInput): void {
  if (input.hostKind === OrganizationHostKind.MARKET_ENTITY || input.hostKind === OrganizationHostKind.MARKET) {
    if (!input.hostId) throw badUserInput(`input.hostId is required for a ${input.hostKind} host.`, 'input.hostId');
    assertUuid(input.hostId, 'input.hostId');
  } else if (input.hostId) {
    throw badUserInput(
      `input.hostId names a market entity: leave it empty for a ${input.hostKind} host.`,
      'input.hostId',
    );
  }
  if (input.hostKind === OrganizationHostKind.ASSOCIATION && !input.hostName?.trim()) {
    throw badUserInput(
      'input.hostName is required for an ASSOCIATION host: name the association or branch.',
      'input.hostName',
    );
  }
  if (input.hostKind === OrganizationHostKind.REGION && input.hostName?.trim()) {
    throw badUserInput(
      'input.hostName names an association: leave it empty for a REGION host (the region is the host).',
      'input.hostName',
    );
  }
  if (input.formation === OrganizationFormation.STANDALONE && input.hostKind !== OrganizationHostKind.MARKET_ENTITY) {
    throw badUserInput(
      'A STANDALONE organization is built in one market entity: hostKind must be MARKET_ENTITY.',
      'input.hostKind',
    );
  }
}

/**
 * The host entity (registered by the day, inside the region) and, for a standalone organization,
 * none living in it yet and the rule of ≥ 3 formal members working there. In the transaction.
 */
async function checkHost(tx: EntityManager, input: FormPartyOrganizationInput, warnings: string[]): Promise<void> {
  if (input.hostKind === OrganizationHostKind.MARKET) {
    const market = await requireOpenMarket(tx, input.hostId!, input.establishedOn, 'input.hostId');
    if (!market.regionCode.startsWith(input.regionCode))
      throw marketOutsideOrganization(market.regionCode, input.regionCode);
    return;
  }
  if (input.hostKind !== OrganizationHostKind.MARKET_ENTITY) return;
  const host = (await knownEntities(tx, [input.hostId!], 'input.hostId')).get(input.hostId!)!;
  if (!host.regionCode.startsWith(input.regionCode)) {
    throw domainError(
      OrganizationsErrorCode.EntityOutsideOrganization,
      `The host entity lies at ${host.regionCode}, outside the organization's region ${input.regionCode}.`,
    );
  }
  if (input.establishedOn < host.since)
    throw beforeRegistration('input.establishedOn', 'the host entity', host.id, input.establishedOn, host.since);
  if (input.formation !== OrganizationFormation.STANDALONE) return;
  const existing = await tx.findOne(PartyOrganizationEntity, {
    hostId: host.id,
    formation: OrganizationFormation.STANDALONE,
    dissolvedOn: null,
  });
  if (existing) throw standaloneExists(existing.name);
  const formal = await formalMembersOf(tx, input.hostId!, input.establishedOn);
  if (formal >= STANDALONE_CAPABLE_MEMBERS) return;
  const message = `A standalone organization needs at least ${STANDALONE_CAPABLE_MEMBERS} formal members (正式党员) working in its host; registry lists ${formal} on ${input.establishedOn}.`;
  if (organizationsSettings.get().STANDALONE_MEMBER_RULE === 'REFUSE')
    throw domainError(OrganizationsErrorCode.StandaloneTooFewMembers, message);
  warnings.push(message);
}

const standaloneExists = (name?: string) =>
  domainError(
    OrganizationsErrorCode.StandaloneExists,
    `The host entity has a living standalone organization already${name ? ` (${name})` : ''}: at most one per entity.`,
  );
const duplicateOrganization = (name: string) =>
  domainError(
    OrganizationsErrorCode.Duplicate,
    `A living ${name} of this region, host and level exists already: use it (or dissolve it first).`,
  );

/** The living-organization constraints, read back as the domain errors they stand for (a form sent twice at once). */
const livingConstraintError = (name: string) => (constraint: string | undefined) =>
  constraint === 'party_organization_living_unique'
    ? duplicateOrganization(name)
    : constraint === 'party_organization_standalone_host_unique'
      ? standaloneExists()
      : null;

/** Names compare as written, whatever runs of spaces they were typed with. */
const normalizedName = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * Forms an organization (成立) from its establishment date. A standalone organization covers its
 * host entity from that date. The same living organization (region, host, level, name) is formed
 * once: a second form is DUPLICATE_ORGANIZATION, also when both arrive at once (a unique index).
 */
export async function formPartyOrganization(
  em: EntityManager,
  viewer: Viewer,
  input: FormPartyOrganizationInput,
): Promise<FormedOrganization> {
  assertRole(viewer, WRITER_ROLES, 'form party organizations');
  const name = normalizedName(input.name);
  if (!name) throw badUserInput('input.name must not be empty.', 'input.name');
  assertPlaceableCode(viewer, input.regionCode, 'input.regionCode', 'county');
  assertNotFuture(input.establishedOn, 'input.establishedOn');
  if (input.electedOn) {
    assertNotFuture(input.electedOn, 'input.electedOn');
    assertNotBefore(input.electedOn, input.establishedOn, 'input.electedOn', 'the date established');
  }
  checkHostFields(input);
  const hostName = input.hostName ? normalizedName(input.hostName) : null;
  const warnings: string[] = [];
  const organization = await onUniqueViolation(
    () =>
      partyOrganizationWrites.start(em, viewer, {
        check: async (tx) => {
          await checkParent(tx, input, 'input.parentId');
          await checkHost(tx, input, warnings);
          const twin = await tx.findOne(PartyOrganizationEntity, {
            regionCode: input.regionCode,
            hostKind: input.hostKind,
            hostId: input.hostId ?? null,
            hostName,
            level: input.level,
            name,
            dissolvedOn: null,
          });
          if (twin) throw duplicateOrganization(name);
        },
        create: (tx) =>
          tx.create(PartyOrganizationEntity, {
            name,
            level: input.level,
            formation: input.formation,
            regionCode: input.regionCode,
            parentId: input.parentId ?? null,
            hostKind: input.hostKind,
            hostId: input.hostId ?? null,
            hostName,
            establishedOn: input.establishedOn,
            electedOn: input.electedOn ?? input.establishedOn,
            dissolvedOn: null,
            lastChangeOn: input.establishedOn,
            // A standalone organization covers its host from its first day: a record of that day.
            latestRecordOn: input.formation === OrganizationFormation.STANDALONE ? input.establishedOn : null,
          }),
        from: input.establishedOn,
        reason: 'ESTABLISHED',
        derive: async (tx, row) => {
          tx.create(OrganizationElectionEntity, {
            regionCode: row.regionCode,
            organizationId: row.id,
            electedOn: row.electedOn!,
          });
          await tx.flush();
          await rederiveStanding(tx, [row.id], viewer.subject);
          if (row.hostKind === OrganizationHostKind.MARKET)
            await rederiveMarketOrganizations(tx, [row.hostId!], viewer.subject);
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
          });
          await tx.flush();
          await refreshOrganizationLinks(tx, row, viewer.subject);
        },
        action: 'FORM_ORGANIZATION',
        detail: { establishedOn: input.establishedOn },
      }),
    livingConstraintError(name),
  );
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
  return partyOrganizationWrites.change(em, viewer, {
    id,
    effectiveOn,
    ...change,
    derive: async (tx, row) => {
      await refreshOrganizationLinks(tx, row, viewer.subject);
      await rederiveStanding(tx, [row.id], viewer.subject);
      if (row.hostKind === OrganizationHostKind.MARKET)
        await rederiveMarketOrganizations(tx, [row.hostId!], viewer.subject);
    },
  });
}

/** Dissolves an organization (撤销) from a date: from then on it covers nothing and counts nowhere; its history stays. */
export function dissolvePartyOrganization(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  dissolvedOn: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'dissolve party organizations');
  return changeOrganizationLife(em, viewer, id, dissolvedOn, {
    dateArgument: 'dissolvedOn',
    reason: 'DISSOLVED',
    action: 'DISSOLVE_ORGANIZATION',
    check: async (row, tx) => {
      if (row.dissolvedOn) throw organizationDissolved(row.name, row.dissolvedOn);
      // Children are formed and moved under their parent's lock, which this change holds: the count is final.
      const children = await tx.count(PartyOrganizationEntity, { parentId: row.id, dissolvedOn: null });
      if (children > 0) {
        throw domainError(
          OrganizationsErrorCode.HasActiveChildren,
          `${row.name} has ${children} active organizations under it: dissolve or move them first.`,
        );
      }
      if (row.latestRecordOn && dissolvedOn <= row.latestRecordOn) {
        throw domainError(
          OrganizationsErrorCode.DissolutionBeforeRecords,
          `${row.name} has records up to ${row.latestRecordOn} (coverage, posts, memberships, meetings, checks or elections beginning then): it can be dissolved after that day only.`,
          { field: 'dissolvedOn' },
        );
      }
    },
    apply: (row) => {
      row.dissolvedOn = dissolvedOn;
    },
  });
}

/** Re-forms a dissolved organization (重建) from a date: it lives and covers its (open) links again. */
export function reformPartyOrganization(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  reformedOn: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 're-form party organizations');
  // Re-formed, it may meet a living twin formed meanwhile (the same unique indexes as a new one).
  const reform = () =>
    changeOrganizationLife(em, viewer, id, reformedOn, {
      dateArgument: 'reformedOn',
      reason: 'REFORMED',
      action: 'REFORM_ORGANIZATION',
      check: async (row, tx) => {
        if (!row.dissolvedOn) throw organizationActive(row.name);
        if (!row.parentId) return;
        const parent = await tx.findOne(
          PartyOrganizationEntity,
          { id: row.parentId },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        );
        if (parent?.dissolvedOn) throw parentDissolved(parent.name, parent.dissolvedOn);
      },
      apply: (row) => {
        row.dissolvedOn = null;
      },
    });
  return onUniqueViolation(reform, livingConstraintError('organization of that name'));
}

/**
 * Moves an organization under another parent (or to the top) from a date. The tree stays a tree:
 * the new parent may be neither the organization nor one of its descendants, and must rank higher.
 */
export function moveOrganization(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  parentId: string | null,
  movedOn: string,
): Promise<PartyOrganizationRow> {
  assertRole(viewer, WRITER_ROLES, 'move party organizations');
  if (parentId) assertUuid(parentId, 'parentId');
  return partyOrganizationWrites.change(em, viewer, {
    id,
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
        throw domainError(
          OrganizationsErrorCode.Cycle,
          `${row.name} cannot move under ${parentId}: that organization is ${row.name} itself or lies under it.`,
        );
      }
      await checkParent(tx, { parentId, level: row.level, regionCode: row.regionCode }, 'parentId');
    },
    apply: (row) => {
      row.parentId = parentId;
    },
    action: 'MOVE_ORGANIZATION',
    detail: { parentId },
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
