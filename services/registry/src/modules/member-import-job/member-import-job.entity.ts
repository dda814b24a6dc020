import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { placedRecordPolicies, placedRecordProperties } from '@xgz/kit';
import { ImportJobStatus } from './import-job-status.js';

/**
 * An import of the registration form run as a job: the uploaded file is kept here until the job is
 * done, so a registry process that dies mid-import leaves it to be run again (the import is
 * all-or-nothing and idempotent, and its outcome is written in the import's own transaction).
 * Placed at the import's region; the requester's identity is kept to run it as them.
 */
export const MemberImportJobEntity = defineEntity({
  name: 'MemberImportJob',
  tableName: 'member_import_job',
  indexes: [{ name: 'member_import_job_queue_index', properties: ['status', 'createdAt'] }],
  uniques: [
    // The same file sent again by the same person for the same region is the same job (unless that one failed).
    {
      name: 'member_import_job_same_file_unique',
      properties: ['requestedBy', 'contentHash', 'regionCode', 'dryRun'],
      where: `status <> 'FAILED'`,
    },
  ],
  properties: {
    ...placedRecordProperties('member_import_job'),
    /** The requester, as their token named them: the import runs with their region and roles. */
    requestedBy: p.text(),
    requesterRegion: p.string().length(12),
    requesterRoles: p.json<string[]>(),
    /** SHA-256 of the file, hex. */
    contentHash: p.string().length(64),
    format: p.string().length(8),
    file: p.type('blob').columnType('bytea').nullable().lazy(),
    dryRun: p.boolean(),
    status: p.enum(() => ImportJobStatus),
    /** What it is doing: reading the file, validating rows, writing. */
    stage: p.string().length(16).nullable(),
    done: p.integer(),
    total: p.integer(),
    /** The outcome (as importPartyMembers answers it) once SUCCEEDED. */
    result: p.json<Record<string, unknown>>().nullable(),
    /** Why it was REJECTED: the first problems, and how many there were (as IMPORT_REJECTED says). */
    problems: p.json<{ row: number; column: string; reason: string }[]>().nullable(),
    problemCount: p.integer().nullable(),
    rowCount: p.integer().nullable(),
    /** What went wrong (REJECTED, FAILED), in words for the requester. */
    message: p.text().nullable(),
    /** Times a worker took it up: one that died mid-import leaves it to the next, up to IMPORT_JOB_MAX_ATTEMPTS. */
    attempts: p.integer(),
    /** Until when the worker running it holds it; renewed while it runs. */
    leaseUntil: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
  policies: placedRecordPolicies,
});

export type MemberImportJobRow = InferEntity<typeof MemberImportJobEntity>;
