import { defineModule } from '@xgz/kit';
import { MemberImportJobEntity } from './member-import-job.entity.js';
import { MemberImportJobResolver } from './member-import-job.resolver.js';
import { memberImportWorker } from './member-import-job.worker.js';
import { importLimits } from '../member-import/member-import.settings.js';

/** Registration forms too large for one request, imported as jobs beside serving. */
export const memberImportJobModule = defineModule({
  name: 'member-import-job',
  settings: [importLimits],
  entities: [MemberImportJobEntity],
  resolvers: [MemberImportJobResolver],
  workers: [memberImportWorker],
});
