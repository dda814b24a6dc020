import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { regionScopePolicy } from '../rls-policy.js';

/**
 * Who did what, when: every write and every unmasked read of personal data. `detail` names
 * fields and counts, never the personal values themselves.
 */
export const AuditEventEntity = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: p.uuid().primary(),
    at: p.datetime().index('audit_event_at_index'),
    actor: p.text(),
    action: p.string().length(60),
    subjectType: p.string().length(40),
    subjectId: p.uuid().nullable().index('audit_event_subject_index'),
    regionCode: p.string().length(12).collation('C'),
    detail: p.json<Record<string, unknown>>(),
  },
  policies: [regionScopePolicy<{ regionCode: string }>('regionCode')],
});

export type AuditEventRow = InferEntity<typeof AuditEventEntity>;
