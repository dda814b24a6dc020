import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ConnectionSize, connectionType } from '@xgz/kit';
import type { RegistryContext } from '../../context.js';
import { listAuditEvents } from './audit-event.service.js';
import { AuditEvent, AuditEventFilter } from './audit-event.type.js';

const AuditEventConnection = connectionType('AuditEvent', AuditEvent);

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @ConnectionSize(50)
  @Query(() => AuditEventConnection, { description: 'The audit trail of your region, newest first. Admins only.' })
  auditEvents(
    @Ctx() ctx: RegistryContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listAuditEvents(ctx.em, ctx.viewer, filter, first, after);
  }
}
