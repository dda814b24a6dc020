import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  assertRegionInScope,
  assertRole,
  assertUuid,
  AuditEventEntity,
  connectionType,
  decodeCursor,
  pageSize,
  toConnection,
  type AuditEventRow,
} from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { assertRegionCode } from '../region/region.service.js';
import { AuditEvent, AuditEventFilter } from './audit-event.type.js';

const AuditEventConnection = connectionType('AuditEvent', AuditEvent);

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail of your region, newest first. Admins only.' })
  async auditEvents(
    @Ctx() ctx: RegistryContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    assertRole(ctx.viewer, ['admin'], 'read the audit trail');
    const size = pageSize(first);
    const regionCode = filter?.regionCode ?? ctx.viewer.regionCode;
    assertRegionCode(regionCode, 'filter.regionCode');
    assertRegionInScope(ctx.viewer, regionCode, 'the audit trail');
    if (filter?.subjectId) assertUuid(filter.subjectId, 'filter.subjectId');
    const where: FilterQuery<AuditEventRow> = {
      regionCode: { $like: `${regionCode}%` },
      ...(filter?.actor ? { actor: filter.actor } : {}),
      ...(filter?.action ? { action: filter.action } : {}),
      ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
      ...(filter?.from || filter?.to ? { at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } } : {}),
    };
    // Newest first by id is not time order (random uuids): page by (at desc) using the id cursor's row time.
    const cursorRow = after ? await ctx.em.findOne(AuditEventEntity, { id: decodeCursor(after) }) : null;
    const page = cursorRow ? { $and: [where, { $or: [{ at: { $lt: cursorRow.at } }, { at: cursorRow.at, id: { $lt: cursorRow.id } }] }] } : where;
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(AuditEventEntity, page, { orderBy: { at: 'desc', id: 'desc' }, limit: size + 1 }),
      ctx.em.count(AuditEventEntity, where),
    ]);
    return toConnection(rows, size, totalCount, (row) => ({ ...row, subjectId: row.subjectId ?? null }));
  }
}
