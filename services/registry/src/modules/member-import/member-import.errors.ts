import { domainError } from '@xgz/kit';
import { importLimits } from './member-import.settings.js';
import type { ImportProblem } from './member-import.parse.js';

/** Error codes of the import, as callers and the gateway see them. */
export const MemberImportErrorCode = {
  /** Nothing was imported: extensions.problems lists the first problems, problemCount and rowCount say how many in all. */
  ImportRejected: 'IMPORT_REJECTED',
  /** The file has more rows than one request takes (IMPORT_SYNC_MAX_ROWS): import it as a job. */
  ImportNeedsJob: 'IMPORT_NEEDS_JOB',
  /** The caller has IMPORT_JOB_MAX_OPEN import jobs queued or running already. */
  ImportJobsBusy: 'IMPORT_JOBS_BUSY',
} as const;

export const importJobsBusy = (open: number) =>
  domainError(
    MemberImportErrorCode.ImportJobsBusy,
    `Nothing was started: you have ${open} import jobs queued or running (IMPORT_JOB_MAX_OPEN, ${importLimits.get().IMPORT_JOB_MAX_OPEN}). Wait for one to end (partyMemberImport), then send the file again.`,
  );

export const importNeedsJob = (rows: number) =>
  domainError(
    MemberImportErrorCode.ImportNeedsJob,
    `Nothing was imported: the file has ${rows} rows, more than one request takes (IMPORT_SYNC_MAX_ROWS, ${importLimits.get().IMPORT_SYNC_MAX_ROWS}). ` +
      'Send it to startPartyMemberImport and follow partyMemberImport(id) until it is done.',
    { rowCount: rows, field: 'contentBase64' },
  );

/** Every problem counted, the first IMPORT_MAX_LISTED_PROBLEMS listed (row order): an answer stays small whatever the file. */
export function importRejected(problems: ImportProblem[], listed = importLimits.get().IMPORT_MAX_LISTED_PROBLEMS) {
  const ordered = [...problems].sort((a, b) => a.row - b.row);
  const rowCount = new Set(ordered.map((problem) => problem.row)).size;
  const first = ordered[0]!;
  return domainError(
    MemberImportErrorCode.ImportRejected,
    `Nothing was imported: ${ordered.length} problem(s) in ${rowCount} row(s), e.g. row ${first.row} ${first.column} ${first.reason}. ` +
      `extensions.problems lists ${ordered.length > listed ? `the first ${listed}` : 'them all'}; fix every row and import the file again.`,
    { problems: ordered.slice(0, listed), problemCount: ordered.length, rowCount },
  );
}

/** Two changes met on the same unit or member, or a credit code belongs to a unit in another region. */
export const importCollided = () =>
  domainError(
    MemberImportErrorCode.ImportRejected,
    'Nothing was imported: a unit or member in the file was registered by another change at the same moment, or a credit code in the file belongs to a unit outside your region. Import the file again; rows already there are left unchanged.',
    { problems: [], problemCount: 1, rowCount: 0 },
  );
