import { defineModule } from '@xgz/kit';
import { AuditEventResolver } from './audit-event.resolver.js';

/** The audit trail (审计记录) an admin reads: who saw or changed what, without the personal data. */
export const auditModule = defineModule({
  name: 'audit',
  resolvers: [AuditEventResolver],
  uses: ['audit'],
});
