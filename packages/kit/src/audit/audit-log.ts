import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  regionCode: string;
  detail?: Record<string, unknown>;
}

const insertSql = `insert into audit_event (id, at, actor, action, subject_type, subject_id, region_code, detail)
  select gen_random_uuid(), now(), e.actor, e.action, e.subject_type, e.subject_id::uuid, e.region_code, coalesce(e.detail, '{}'::jsonb)
    from jsonb_to_recordset(?::jsonb) as e(actor text, action text, subject_type text, subject_id text, region_code text, detail jsonb)`;

const rowsOf = (viewer: Viewer, entries: readonly AuditEntry[]) =>
  JSON.stringify(
    entries.map((entry) => ({
      actor: viewer.subject,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      region_code: entry.regionCode,
      detail: entry.detail ?? {},
    })),
  );

/** Writes audit rows in the caller's transaction (writes are audited with what they change). */
export async function writeAudit(em: EntityManager, viewer: Viewer, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length) await em.execute(insertSql, [rowsOf(viewer, entries)]);
}

/**
 * Per-request audit of reads: entries recorded while resolving one response are written together,
 * one statement per tick, however many records were read.
 */
export function readAuditLoader(em: EntityManager, viewer: Viewer) {
  const loader = new DataLoader<AuditEntry, true, string>(
    async (entries) => {
      await writeAudit(em, viewer, entries);
      return entries.map(() => true as const);
    },
    { cacheKeyFn: (entry) => `${entry.action}|${entry.subjectId}|${JSON.stringify(entry.detail ?? {})}` },
  );
  return { record: (entry: AuditEntry) => loader.load(entry) };
}
