import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { datedLinkProperties, periodCheck, placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { AssignmentTargetKind, PartyWorkerKind } from './party-worker-kind.js';

/** A party worker (instructor, liaison, organizer) serving a region from a date. Personal data: name, mobile. */
export const PartyWorkerEntity = defineEntity({
  name: 'PartyWorker',
  tableName: 'party_worker',
  properties: {
    ...placedRecordProperties('party_worker'),
    name: p.text(),
    mobile: p.string().length(11).nullable(),
    kind: p.enum(() => PartyWorkerKind),
    servingFrom: p.date(),
    /** Set when the worker stops serving (every assignment ends with it). */
    servingUntil: p.date().nullable(),
    lastChangeOn: p.date(),
  },
  policies: placedRecordPolicies,
});

export type PartyWorkerRow = InferEntity<typeof PartyWorkerEntity>;

/** A worker assigned to an organization, a market entity or a market, dated; placed at the target's region. */
export const WorkerAssignmentEntity = defineEntity({
  name: 'WorkerAssignment',
  tableName: 'worker_assignment',
  checks: [periodCheck('worker_assignment')],
  indexes: [{ name: 'worker_assignment_target_index', properties: ['targetId', 'fromDate'] }],
  // A worker is assigned to a target once at a time (assigned twice, they were listed twice).
  uniques: [
    {
      name: 'worker_assignment_open_unique',
      properties: ['workerId', 'targetKind', 'targetId'],
      where: 'to_date is null',
    },
  ],
  properties: {
    ...placedRecordProperties('worker_assignment'),
    workerId: p.uuid().index('worker_assignment_worker_index'),
    /** The worker's kind, kept with the assignment: an entity's work coverage depends on it, and the worker may be placed outside the writer's region (RLS). */
    workerKind: p.enum(() => PartyWorkerKind),
    targetKind: p.enum(() => AssignmentTargetKind),
    targetId: p.uuid(),
    ...datedLinkProperties(),
  },
  policies: placedRecordPolicies,
});

export type WorkerAssignmentRow = InferEntity<typeof WorkerAssignmentEntity>;
