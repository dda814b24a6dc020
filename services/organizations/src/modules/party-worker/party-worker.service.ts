import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertNotBefore,
  assertNotFuture,
  assertPlaceableCode,
  assertRole,
  assertUuid,
  badUserInput,
  canSeePersonalData,
  domainError,
  endDatedLink,
  inForceOn,
  maskMobile,
  maskName,
  notFound,
  onUniqueViolation,
  WRITER_ROLES,
  datedAggregate,
  type Viewer,
} from '@xgz/kit';
import { knownEntities } from '../coverage/fed-entities.js';
import { rederiveCoverage } from '../coverage/organization-links.js';
import { requireOpenMarket } from '../market/fed-markets.js';
import { checkEventDay, recordDay } from '../organization-record/organization-event.js';
import { beforeRegistration, OrganizationsErrorCode } from '../organization-record/party-organization.errors.js';
import { PartyOrganizationEntity } from '../organization-record/party-organization.entity.js';
import { AssignmentTargetKind } from './party-worker-kind.js';
import { PartyWorkerEntity, WorkerAssignmentEntity, type PartyWorkerRow } from './party-worker.entity.js';
import { partyWorkerFacts, type PartyWorkerFactState } from './party-worker.facts.js';
import type { AppointPartyWorkerInput } from './party-worker.inputs.js';

const workerState = (row: PartyWorkerRow): PartyWorkerFactState => ({
  regionCode: row.regionCode,
  kind: row.kind,
  serving: row.servingUntil == null,
});

/** A worker starts serving in a region (counts in the instructor figures from that date). */
export function appointPartyWorker(
  em: EntityManager,
  viewer: Viewer,
  input: AppointPartyWorkerInput,
): Promise<PartyWorkerRow> {
  assertRole(viewer, WRITER_ROLES, 'appoint party workers');
  const name = input.name.trim();
  if (!name) throw badUserInput('input.name must not be empty.', 'input.name');
  const mobile = input.mobile?.trim() || null;
  if (mobile && !/^1\d{10}$/.test(mobile))
    throw badUserInput('input.mobile must be an 11-digit mobile number starting with 1.', 'input.mobile');
  assertPlaceableCode(viewer, input.regionCode, 'input.regionCode', 'county');
  assertNotFuture(input.servingFrom, 'input.servingFrom');
  return partyWorkerWrites.start(em, viewer, {
    create: (tx) =>
      tx.create(PartyWorkerEntity, {
        name,
        mobile,
        kind: input.kind,
        regionCode: input.regionCode,
        servingFrom: input.servingFrom,
        servingUntil: null,
        lastChangeOn: input.servingFrom,
      }),
    from: input.servingFrom,
    reason: 'APPOINTED',
    action: 'APPOINT_WORKER',
  });
}

/**
 * The target of an assignment, checked, and where the assignment is placed: an entity registered by
 * the day, an organization alive that day, a market open that day (each at its region).
 */
async function assignmentTarget(
  tx: EntityManager,
  kind: AssignmentTargetKind,
  targetId: string,
  fromDate: string,
): Promise<{ regionCode: string }> {
  if (kind === AssignmentTargetKind.MARKET_ENTITY) {
    const entity = (await knownEntities(tx, [targetId], 'targetId')).get(targetId)!;
    if (fromDate < entity.since)
      throw beforeRegistration('fromDate', 'market entity', entity.id, fromDate, entity.since);
    return entity;
  }
  if (kind === AssignmentTargetKind.ORGANIZATION) {
    // Locked like any record against the organization: it cannot be dissolved on or before this day.
    const organization = await tx.findOne(
      PartyOrganizationEntity,
      { id: targetId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!organization) throw notFound(`targetId: no party organization ${targetId} in your region.`);
    await checkEventDay(tx, organization, fromDate, 'fromDate', 'NOW');
    recordDay(organization, fromDate);
    return organization;
  }
  return requireOpenMarket(tx, targetId, fromDate, 'targetId');
}

/** Assigns a serving worker to an organization or a market entity (work coverage), from a date; once at a time per target. */
export function assignPartyWorker(
  em: EntityManager,
  viewer: Viewer,
  workerId: string,
  targetKind: AssignmentTargetKind,
  targetId: string,
  fromDate: string,
): Promise<PartyWorkerRow> {
  assertRole(viewer, WRITER_ROLES, 'assign party workers');
  assertUuid(targetId, 'targetId');
  const assign = () =>
    partyWorkerWrites.change(em, viewer, {
      id: workerId,
      effectiveOn: fromDate,
      dateArgument: 'fromDate',
      afterLastChange: false,
      check: async (worker, tx) => {
        if (worker.servingUntil)
          throw badUserInput(`The worker stopped serving on ${worker.servingUntil}.`, 'workerId');
        assertNotBefore(fromDate, worker.servingFrom, 'fromDate', 'the date the worker began serving');
        const open = await tx.findOne(WorkerAssignmentEntity, {
          workerId: worker.id,
          targetKind,
          targetId,
          toDate: null,
        });
        if (open) throw alreadyAssigned(open.fromDate);
      },
      apply: async (worker, tx) => {
        const target = await assignmentTarget(tx, targetKind, targetId, fromDate);
        tx.create(WorkerAssignmentEntity, {
          regionCode: target.regionCode,
          workerId: worker.id,
          workerKind: worker.kind,
          targetKind,
          targetId,
          fromDate,
          toDate: null,
          lastChangeOn: fromDate,
        });
      },
      derive: async (tx) => {
        if (targetKind === AssignmentTargetKind.MARKET_ENTITY) await rederiveCoverage(tx, [targetId], viewer.subject);
      },
      action: 'ASSIGN_WORKER',
      detail: { targetKind, targetId },
    });
  return onUniqueViolation(assign, (constraint) =>
    constraint === 'worker_assignment_open_unique' ? alreadyAssigned(null) : null,
  );
}

/** The kit's dated-write recipe bound to party workers: their table, history and audit subject. */
const partyWorkerWrites = datedAggregate<PartyWorkerRow, PartyWorkerFactState>({
  entity: PartyWorkerEntity,
  what: 'party worker',
  subjectType: 'PartyWorker',
  history: { facts: partyWorkerFacts, stateOf: workerState },
});

const alreadyAssigned = (since: string | null) =>
  domainError(
    OrganizationsErrorCode.AlreadyAssigned,
    `The worker is assigned to that target already${since ? ` (since ${since})` : ''}: one assignment at a time.`,
  );

/** A worker stops serving: every open assignment ends that day, and the coverage they gave is re-derived. */
export function endPartyWorkerService(
  em: EntityManager,
  viewer: Viewer,
  workerId: string,
  endedOn: string,
): Promise<PartyWorkerRow> {
  assertRole(viewer, WRITER_ROLES, 'change party workers');
  return partyWorkerWrites.change<string[]>(em, viewer, {
    id: workerId,
    effectiveOn: endedOn,
    dateArgument: 'endedOn',
    check: (worker) => {
      if (worker.servingUntil)
        throw badUserInput(`The worker stopped serving on ${worker.servingUntil} already.`, 'workerId');
    },
    apply: async (worker, tx) => {
      worker.servingUntil = endedOn;
      const open = await tx.find(WorkerAssignmentEntity, { workerId: worker.id, toDate: null });
      for (const assignment of open)
        endDatedLink(tx, assignment, endedOn, 'endedOn', 'the date one of its assignments began');
      // The entities whose work coverage it gave: re-derived once it is written.
      return open
        .filter((assignment) => assignment.targetKind === AssignmentTargetKind.MARKET_ENTITY)
        .map((assignment) => assignment.targetId);
    },
    derive: (tx, _worker, entities) => rederiveCoverage(tx, entities, viewer.subject),
    reason: 'ENDED',
    action: 'END_WORKER_SERVICE',
  });
}

/** What a viewer may see of a worker: name and mobile masked unless their role allows personal data. */
export function presentWorker(viewer: Viewer, row: PartyWorkerRow): PartyWorkerRow {
  if (canSeePersonalData(viewer)) return row;
  return { ...row, name: maskName(row.name), mobile: row.mobile ? maskMobile(row.mobile) : null };
}

/** Workers assigned to each market entity on a date, as the viewer may see them: two statements (a loader). */
export async function workersAssignedOn(
  em: EntityManager,
  viewer: Viewer,
  entityIds: readonly string[],
  date: string,
): Promise<Map<string, PartyWorkerRow[]>> {
  const assignments = await em.find(WorkerAssignmentEntity, {
    targetKind: AssignmentTargetKind.MARKET_ENTITY,
    targetId: { $in: [...entityIds] },
    ...inForceOn(date),
  });
  if (assignments.length === 0) return new Map();
  const workers = new Map(
    (
      await em.find(PartyWorkerEntity, {
        id: { $in: [...new Set(assignments.map((assignment) => assignment.workerId))] },
      })
    ).map((worker) => [worker.id, presentWorker(viewer, worker)]),
  );
  const byEntity = new Map<string, PartyWorkerRow[]>();
  for (const assignment of assignments.sort((a, b) => a.workerId.localeCompare(b.workerId))) {
    const worker = workers.get(assignment.workerId);
    if (worker) byEntity.set(assignment.targetId, [...(byEntity.get(assignment.targetId) ?? []), worker]);
  }
  return byEntity;
}
