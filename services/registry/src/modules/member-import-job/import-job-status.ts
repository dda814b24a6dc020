import { registerEnumType } from 'type-graphql';

/** Where an import job stands. */
export enum ImportJobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}

registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'Where an import job (导入任务) stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being read, checked or written (see stage, done and total).' },
    SUCCEEDED: { description: 'Done: result says what was imported.' },
    REJECTED: {
      description:
        'Nothing was imported: problems lists what to fix in the file (or message, for a file that cannot be read).',
    },
    FAILED: { description: 'Nothing was imported: it could not be run (message says why); send the file again.' },
  },
});
