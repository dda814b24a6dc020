import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import {
  isDatabaseUnavailable,
  logger,
  redactedErrorMessage,
  regionScopedEntityManager,
  Roles,
  type BackgroundWorker,
  type Role,
  type SharedEnv,
  type Viewer,
} from '@xgz/kit';
import { FormFileError } from '../member-import/form-file-error.js';
import { MemberImportErrorCode } from '../member-import/member-import.errors.js';
import { importLimits } from '../member-import/member-import.settings.js';
import { importPartyMembers, type ImportProgress } from '../member-import/member-import.service.js';
import { readRegistrationForm, type FormFormat } from '../member-import/registration-form.reader.js';

interface ClaimedJob {
  id: string;
  region_code: string;
  requested_by: string;
  requester_region: string;
  requester_roles: string[];
  format: FormFormat;
  dry_run: boolean;
}

/** Progress is written at most this often: a 50,000-row file is a few dozen small updates. */
const PROGRESS_EVERY_MS = 250;

/**
 * Takes up the oldest queued job, or one whose worker stopped renewing its lease (it died); jobs
 * taken up IMPORT_JOB_MAX_ATTEMPTS times already are given up as FAILED instead of looping.
 */
async function claim(pool: pg.Pool): Promise<ClaimedJob | null> {
  await pool.query(
    `update member_import_job set status = 'FAILED', file = null, lease_until = null, finished_at = now(), updated_at = now(),
            message = 'The import stopped before it finished ' || attempts || ' times; nothing was imported. Send the file again, or split it.'
      where status = 'RUNNING' and lease_until < now() and attempts >= $1`,
    [importLimits.get().IMPORT_JOB_MAX_ATTEMPTS],
  );
  const { rows } = await pool.query<ClaimedJob>(
    `update member_import_job set status = 'RUNNING', attempts = attempts + 1, lease_until = now() + $1 * interval '1 millisecond',
            started_at = coalesce(started_at, now()), stage = 'read', done = 0, updated_at = now()
      where id = (select id from member_import_job
                   where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now())
                   order by created_at limit 1 for update skip locked)
      returning id, region_code, requested_by, requester_region, requester_roles, format, dry_run`,
    [importLimits.get().IMPORT_JOB_LEASE_MS],
  );
  return rows[0] ?? null;
}

/** What a job's requester reads when it ends without importing. */
type Ending = {
  status: 'REJECTED' | 'FAILED';
  message: string;
  problems?: unknown;
  problemCount?: number;
  rowCount?: number;
};

function endingOf(error: unknown, timedOut: boolean, stopped: boolean): Ending | null {
  // Cut short by its worker stopping: nothing was written; the job is taken up again once its lease ends.
  if (stopped) return null;
  if (error instanceof FormFileError) return { status: 'REJECTED', message: error.message };
  if (error instanceof GraphQLError) {
    const { code, problems, problemCount, rowCount } = error.extensions as {
      code?: string;
      problems?: unknown;
      problemCount?: number;
      rowCount?: number;
    };
    if (code === MemberImportErrorCode.ImportRejected)
      return { status: 'REJECTED', message: error.message, problems, problemCount, rowCount };
    return { status: 'REJECTED', message: error.message };
  }
  if (timedOut)
    return {
      status: 'FAILED',
      message: `The import ran longer than IMPORT_JOB_TIMEOUT_MS (${importLimits.get().IMPORT_JOB_TIMEOUT_MS} ms); nothing was imported. Split the file.`,
    };
  // A lost database: nothing was written; the job is taken up again once its lease ends.
  if (isDatabaseUnavailable(error)) return null;
  return {
    status: 'FAILED',
    message: 'The import could not be run (an internal error, logged); nothing was imported. Send the file again.',
  };
}

/** Runs one job as its requester; its outcome is written with the import, or after it when nothing was imported. */
async function runJob(
  pool: pg.Pool,
  orm: MikroORM,
  env: SharedEnv,
  job: ClaimedJob,
  stopping: AbortSignal,
): Promise<void> {
  const lease = setInterval(() => {
    pool
      .query(
        `update member_import_job set lease_until = now() + $2 * interval '1 millisecond' where id = $1 and status = 'RUNNING'`,
        [job.id, importLimits.get().IMPORT_JOB_LEASE_MS],
      )
      .catch(() => {});
  }, importLimits.get().IMPORT_JOB_LEASE_MS / 3);
  let lastProgress = 0;
  let progress = Promise.resolve();
  const report = (update: ImportProgress) => {
    if (Date.now() - lastProgress < PROGRESS_EVERY_MS && update.done < update.total) return;
    lastProgress = Date.now();
    // In order, on the owner's pool: readers see it while the import's own transaction is still open.
    progress = progress.then(() =>
      pool
        .query(
          `update member_import_job set stage = $2, done = $3, total = $4, updated_at = now() where id = $1 and status = 'RUNNING'`,
          [job.id, update.stage, update.done, update.total],
        )
        .then(
          () => undefined,
          () => undefined,
        ),
    );
  };
  const budget = AbortSignal.timeout(importLimits.get().IMPORT_JOB_TIMEOUT_MS);
  const roles = job.requester_roles.filter((role): role is Role => (Roles as readonly string[]).includes(role));
  const viewer: Viewer = { subject: job.requested_by, regionCode: job.requester_region, roles };
  try {
    const file = (
      await pool.query<{ file: Buffer | null }>('select file from member_import_job where id = $1', [job.id])
    ).rows[0]?.file;
    if (!file) throw new FormFileError('the file is no longer kept: send it again.');
    const rows = await readRegistrationForm(file, job.format);
    report({ stage: 'read', done: rows.length, total: rows.length });
    await importPartyMembers(
      regionScopedEntityManager(orm, viewer.regionCode, AbortSignal.any([budget, stopping])),
      viewer,
      rows,
      {
        regionCode: job.region_code,
        dryRun: job.dry_run,
        onProgress: report,
        statementTimeoutMs: env.BACKGROUND_STATEMENT_TIMEOUT_MS,
        completeWith: async (tx, result) => {
          await tx.execute(
            `update member_import_job set status = 'SUCCEEDED', result = ?::jsonb, stage = null, done = ?, total = ?, file = null, lease_until = null,
                  finished_at = now(), updated_at = now() where id = ?`,
            [JSON.stringify(result), rows.length, rows.length, job.id],
          );
        },
      },
    );
  } catch (error) {
    const ending = endingOf(error, budget.aborted, stopping.aborted);
    if (!ending) {
      logger.warn('import job interrupted; it will be taken up again', {
        job: job.id,
        message: redactedErrorMessage(error),
      });
      return;
    }
    if (ending.status === 'FAILED')
      logger.error('import job failed', { job: job.id, message: redactedErrorMessage(error) });
    await pool.query(
      `update member_import_job set status = $2, message = $3, problems = $4::jsonb, problem_count = $5, row_count = $6, stage = null,
              file = null, lease_until = null, finished_at = now(), updated_at = now() where id = $1 and status = 'RUNNING'`,
      [
        job.id,
        ending.status,
        ending.message,
        ending.problems === undefined ? null : JSON.stringify(ending.problems),
        ending.problemCount ?? null,
        ending.rowCount ?? null,
      ],
    );
  } finally {
    clearInterval(lease);
    await progress;
  }
}

/**
 * Runs import jobs, one at a time per registry process: the oldest queued first, or one whose
 * worker died (its lease ran out). Stopping cuts the running import short (rolled back); it is
 * taken up again when the lease ends.
 */
export const memberImportWorker: BackgroundWorker = {
  name: 'member-import-jobs',
  start({ orm, ownerUrl, env }) {
    // The owner's pool sees every region's jobs (claiming is not one user's request); imports run as their requester.
    const pool = new pg.Pool({
      connectionString: ownerUrl,
      max: 2,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
    });
    pool.on('error', () => {}); // an idle connection dropped by a restarting server is replaced on demand
    const stop = new AbortController();
    let failures = 0;
    const loop = async () => {
      while (!stop.signal.aborted) {
        try {
          const job = await claim(pool);
          failures = 0;
          if (job) {
            await runJob(pool, orm, env, job, stop.signal);
            continue;
          }
        } catch (error) {
          failures++;
          if (failures === 1 || failures % 20 === 0)
            logger.warn('import jobs: cannot look for work', { failures, message: redactedErrorMessage(error) });
        }
        await sleep(importLimits.get().IMPORT_JOB_POLL_MS * Math.min(2 ** failures, 16), undefined, {
          signal: stop.signal,
        }).catch(() => {});
      }
    };
    const running = loop();
    return {
      stop: async () => {
        stop.abort();
        await running;
        await pool.end();
      },
    };
  },
};
