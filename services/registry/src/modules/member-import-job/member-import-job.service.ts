import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid, canSeePersonalData, writeAudit, type Viewer } from '@xgz/kit';
import { assertImportAllowed, decodeUpload } from '../member-import/member-import.service.js';
import type { FormFormat } from '../member-import/registration-form.reader.js';
import { MemberImportJobEntity, type MemberImportJobRow } from './member-import-job.entity.js';

/**
 * Starts importing a registration form as a job and answers at once with it (QUEUED): the file is
 * checked for size and kept; a worker reads, checks and writes it (see member-import-job.worker.ts)
 * while the caller follows partyMemberImport(id). The same file sent again by the same person for
 * the same region and dryRun answers the same job — unless that one FAILED, when it starts anew.
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
    const [created] = await tx.execute<{ id: string }[]>(
      `insert into member_import_job (id, region_code, requested_by, requester_region, requester_roles, content_hash, format, file, dry_run, status,
                                      done, total, attempts, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?, ?, decode(?, 'base64'), ?, 'QUEUED', 0, 0, 0, now(), now())
       on conflict (requested_by, content_hash, region_code, dry_run) where status <> 'FAILED' do nothing
       returning id`,
      [upload.regionCode, viewer.subject, viewer.regionCode, JSON.stringify(viewer.roles), contentHash, upload.format, bytes.toString('base64'), upload.dryRun],
    );
    const jobId =
      created?.id ??
      (
        await tx.execute<{ id: string }[]>(
          `select id from member_import_job where requested_by = ? and content_hash = ? and region_code = ? and dry_run = ? and status <> 'FAILED'`,
          [viewer.subject, contentHash, upload.regionCode, upload.dryRun],
        )
      )[0]!.id;
    // Counts only: how big, whether it was a repeat; never what the file holds.
    await writeAudit(tx, viewer, [
      {
        action: 'IMPORT_JOB_STARTED',
        subjectType: 'MemberImportJob',
        subjectId: jobId,
        regionCode: upload.regionCode,
        detail: { bytes: bytes.length, dryRun: upload.dryRun, repeated: !created },
      },
    ]);
    return jobId;
  });
  return em.fork().findOneOrFail(MemberImportJobEntity, { id });
}

/** A job the caller may follow: their own, or any of their region for an admin; null otherwise. */
export async function findMemberImportJob(em: EntityManager, viewer: Viewer, id: string): Promise<MemberImportJobRow | null> {
  assertUuid(id, 'id');
  const job = await em.findOne(MemberImportJobEntity, { id });
  if (!job || (job.requestedBy !== viewer.subject && !canSeePersonalData(viewer))) return null;
  return job;
}
