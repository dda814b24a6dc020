import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertRole,
  assertUuid,
  AuditEventEntity,
  decodeCursor,
  pageSize,
  toConnection,
  type AuditEventRow,
  type Viewer,
  scopedRegion,
} from '@xgz/kit';
import type { AuditEventFilter } from './audit-event.type.js';

/** A page of the audit trail of the viewer's region, newest first. Admins only. */
export async function listAuditEvents(
  em: EntityManager,
  viewer: Viewer,
  filter: AuditEventFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  assertRole(viewer, ['admin'], 'read the audit trail');
  const size = pageSize(first);
  const regionCode = scopedRegion(viewer, filter?.regionCode, 'filter.regionCode', 'the audit trail');
  if (filter?.subjectId) assertUuid(filter.subjectId, 'filter.subjectId');
  const where: FilterQuery<AuditEventRow> = {
    regionCode: { $like: `${regionCode}%` },
    ...(filter?.actor ? { actor: filter.actor } : {}),
    ...(filter?.action ? { action: filter.action } : {}),
    ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter?.from || filter?.to
      ? { at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } }
      : {}),
  };
  // Newest first by id is not time order (random uuids): page by (at desc) using the id cursor's row time.
  const cursorRow = after ? await em.findOne(AuditEventEntity, { id: decodeCursor(after) }) : null;
  const page = cursorRow
    ? { $and: [where, { $or: [{ at: { $lt: cursorRow.at } }, { at: cursorRow.at, id: { $lt: cursorRow.id } }] }] }
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(AuditEventEntity, page, { orderBy: { at: 'desc', id: 'desc' }, limit: size + 1 }),
    em.count(AuditEventEntity, where),
  ]);
  return toConnection(rows, size, totalCount, (row) => ({ ...row, subjectId: row.subjectId ?? null }));
}
