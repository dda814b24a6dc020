import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid, canSeePersonalData, writeAudit, type Viewer } from '@xgz/kit';
import { assertImportAllowed, decodeUpload } from '../member-import/member-import.service.js';
import { importJobsBusy } from '../member-import/member-import.errors.js';
import { importLimits } from '../member-import/member-import.settings.js';
import type { FormFormat } from '../member-import/registration-form.reader.js';
import { MemberImportJobEntity, type MemberImportJobRow } from './member-import-job.entity.js';

/**
 * Starts importing a registration form as a job and answers at once with it (QUEUED): the file is
 * checked for size and kept; a worker reads, checks and writes it (see member-import-job.worker.ts)
 * while the caller follows partyMemberImport(id). The same file sent again by the same person for
 * the same region and dryRun answers the same job — unless that one FAILED, when it starts anew. A
 * person has at most IMPORT_JOB_MAX_OPEN jobs queued or running (each keeps its file).
 */
export async function startMemberImportJob(
  em: EntityManager,
  viewer: Viewer,
  upload: { contentBase64: string; format: FormFormat; regionCode: string; dryRun: boolean },
): Promise<MemberImportJobRow> {
  assertImportAllowed(viewer, upload.regionCode);
  const bytes = decodeUpload(upload.contentBase64);
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const id = await em.transactional(async (tx) => {
    // One start per person at a time: the count of their open jobs below is final.
    await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`member-import-jobs:${viewer.subject}`]);
    const [same] = await tx.execute<{ id: string }[]>(
      `select id from member_import_job where requested_by = ? and content_hash = ? and region_code = ? and dry_run = ? and status <> 'FAILED'`,
      [viewer.subject, contentHash, upload.regionCode, upload.dryRun],
    );
    let jobId = same?.id;
    if (!jobId) {
      const [{ open }] = (await tx.execute<{ open: number }[]>(
        `select count(*)::int as open from member_import_job where requested_by = ? and status in ('QUEUED', 'RUNNING')`,
        [viewer.subject],
      )) as [{ open: number }];
      if (open >= importLimits.get().IMPORT_JOB_MAX_OPEN) throw importJobsBusy(open);
      const [created] = await tx.execute<{ id: string }[]>(
        `insert into member_import_job (id, region_code, requested_by, requester_region, requester_roles, content_hash, format, file, dry_run, status,
                                        done, total, attempts, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?, ?, decode(?, 'base64'), ?, 'QUEUED', 0, 0, 0, now(), now())
         returning id`,
        [
          upload.regionCode,
          viewer.subject,
          viewer.regionCode,
          JSON.stringify(viewer.roles),
          contentHash,
          upload.format,
          bytes.toString('base64'),
          upload.dryRun,
        ],
      );
      jobId = created!.id;
    }
    // Counts only: how big, whether it was a repeat; never what the file holds.
    await writeAudit(tx, viewer, [
      {
        action: 'IMPORT_JOB_STARTED',
        subjectType: 'MemberImportJob',
        subjectId: jobId,
        regionCode: upload.regionCode,
        detail: { bytes: bytes.length, dryRun: upload.dryRun, repeated: Boolean(same) },
      },
    ]);
    return jobId;
  });
  return em.fork().findOneOrFail(MemberImportJobEntity, { id });
}

/** A job the caller may follow: their own, or any of their region for an admin; null otherwise. */
export async function findMemberImportJob(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<MemberImportJobRow | null> {
  assertUuid(id, 'id');
  const job = await em.findOne(MemberImportJobEntity, { id });
  if (!job || (job.requestedBy !== viewer.subject && !canSeePersonalData(viewer))) return null;
  return job;
}
