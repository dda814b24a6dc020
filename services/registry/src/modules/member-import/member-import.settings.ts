import { defineSettings } from '@xgz/kit';
import { z } from 'zod';

/**
 * Bounds on one import, from the environment: what a file may weigh and hold, and how many
 * problems a rejection lists (it always says how many there are in all).
 */
export const importLimits = defineSettings({
  /** The file as uploaded (base64 in the operation adds a third, within MAX_BODY_BYTES). */
  IMPORT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** An XLSX unpacked: a 50,000-row form is about 30 MB. */
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /** Data rows in one file: split larger ones by township. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(50_000),
  /** Problems listed in an IMPORT_REJECTED answer. */
  IMPORT_MAX_LISTED_PROBLEMS: z.coerce.number().int().positive().default(100),
  /**
   * The most rows importPartyMembers takes within one request (its answer well inside
   * REQUEST_TIMEOUT_MS: ~2,000 rows in under 2 s here); larger files go to startPartyMemberImport.
   */
  IMPORT_SYNC_MAX_ROWS: z.coerce.number().int().positive().default(2_000),
  /** How long an import job may run, start to end. */
  IMPORT_JOB_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(15 * 60_000),
  /** How long a worker holds a job without renewing it: a worker that died leaves its job to another after this. */
  IMPORT_JOB_LEASE_MS: z.coerce.number().int().min(200).default(30_000),
  /** How often an idle worker looks for queued jobs. */
  IMPORT_JOB_POLL_MS: z.coerce.number().int().min(20).default(500),
  /** Jobs one person may have queued or running at once: each keeps its file (up to IMPORT_MAX_FILE_BYTES) until it is done. */
  IMPORT_JOB_MAX_OPEN: z.coerce.number().int().min(1).max(100).default(3),
  /** Times a job is taken up before it is given up as FAILED (a file that kills its worker must not loop). */
  IMPORT_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
});

export type ImportLimits = ReturnType<typeof importLimits.get>;
