import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertRegionCode,
  assertRegionInScope,
  assertRole,
  badUserInput,
  canSeePersonalData,
  FactHistory,
  onUniqueViolation,
  WRITER_ROLES,
  writeAudit,
  type Viewer,
} from '@xgz/kit';
import { MarketEntityTable } from '../market-entity/market-entity.entity.js';
import { marketEntityFacts } from '../market-entity/market-entity.facts.js';
import { MarketEntityStatus } from '../market-entity/market-entity-kind.js';
import { personKeyOf, type PartyMemberRow } from '../party-member/party-member.entity.js';
import { insertMembers, newMemberData } from '../party-member/party-member.service.js';
import { FindingState, TransferStatus } from '../party-member/party-member-enums.js';
import { FormFileError } from './form-file-error.js';
import { importCollided, importNeedsJob, importRejected } from './member-import.errors.js';
import { importLimits } from './member-import.settings.js';
import { parseFormRow, type ImportProblem, type MemberCandidate } from './member-import.parse.js';
import { planUnits, unitKeyOf, type PlannedUnit } from './member-import.plan.js';
import { headerOf, type FormRow } from './registration-form.columns.js';
import { readRegistrationForm, type FormFormat } from './registration-form.reader.js';

export interface ImportProgress {
  stage: 'read' | 'validate' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Region the file belongs to: rows without their own 所在地区代码 are placed here. */
  regionCode: string;
  /** Check everything, write nothing (but the audit row saying it was done). */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** The longest one statement may run in this import (a job's are longer than a request's). */
  statementTimeoutMs?: number;
  /** Runs last in the import's transaction, with its result: a job records its outcome there, so it commits with the import or not at all. */
  completeWith?: (tx: EntityManager, result: ImportResult) => Promise<void>;
}

export interface ImportResult {
  rows: number;
  /** Rows that passed every check: added, or already there. */
  accepted: number;
  /** Members added; null unless the caller may see personal data (it tells whether a person is registered). */
  imported: number | null;
  /** Rows whose person was already registered in the same unit; null unless the caller may see personal data. */
  unchanged: number | null;
  unitsCreated: number;
  dryRun: boolean;
  personalDataMasked: boolean;
}

/** Base64 is 4 characters per 3 bytes, plus line breaks some encoders add. */
const base64Pattern = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * The uploaded file's bytes. The argument's length is already bounded (the schema's text rule for
 * contentBase64); here: base64 only, and the decoded file within IMPORT_MAX_FILE_BYTES.
 */
export function decodeUpload(contentBase64: string): Buffer {
  const maxBytes = importLimits.get().IMPORT_MAX_FILE_BYTES;
  if (!base64Pattern.test(contentBase64))
    throw badUserInput('contentBase64 is not base64: send the file base64-encoded.', 'contentBase64');
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw badUserInput('contentBase64 is empty: send the file base64-encoded.', 'contentBase64');
  if (bytes.length > maxBytes)
    throw badUserInput(
      `The file is over ${Math.round(maxBytes / 1024 / 1024)} MB (IMPORT_MAX_FILE_BYTES): split it by township.`,
      'contentBase64',
    );
  return bytes;
}

/** Imports an uploaded registration form (base64, CSV or XLSX): decoded and read here, then importPartyMembers. */
export async function importRegistrationForm(
  em: EntityManager,
  viewer: Viewer,
  upload: { contentBase64: string; format: FormFormat; regionCode: string; dryRun?: boolean },
): Promise<ImportResult> {
  assertImportAllowed(viewer, upload.regionCode);
  const bytes = decodeUpload(upload.contentBase64);
  let rows: FormRow[];
  try {
    rows = await readRegistrationForm(bytes, upload.format);
  } catch (error) {
    if (error instanceof FormFileError) throw badUserInput(error.message, 'contentBase64');
    throw error;
  }
  // A request answers within its time budget: larger files are imported as a job.
  if (rows.length > importLimits.get().IMPORT_SYNC_MAX_ROWS) throw importNeedsJob(rows.length);
  return importPartyMembers(em, viewer, rows, { regionCode: upload.regionCode, dryRun: upload.dryRun });
}

export function assertImportAllowed(viewer: Viewer, regionCode: string): void {
  assertRole(viewer, WRITER_ROLES, 'import party members');
  assertRegionCode(regionCode, 'regionCode');
  assertRegionInScope(viewer, regionCode, 'party members');
}

/**
 * Imports concurrently with this one that touch the same county wait for it: two files naming the
 * same new unit create it once. (Unique keys catch what remains: a credit code claimed in two places.)
 */
async function lockCounties(tx: EntityManager, candidates: readonly MemberCandidate[]): Promise<void> {
  const counties = [...new Set(candidates.map((candidate) => candidate.regionCode.slice(0, 6)))].sort();
  for (const county of counties)
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`member-import:${county}`]);
}

/**
 * Imports registration-form rows: every row is checked first; any problem and nothing is written
 * (IMPORT_REJECTED counts them all and lists the first). A good file is planned and written in one
 * transaction, after the counties it touches are locked. Re-importing adds nothing: a person
 * (name + mobile) already in the same unit is left unchanged.
 */
export async function importPartyMembers(
  em: EntityManager,
  viewer: Viewer,
  rows: FormRow[],
  options: ImportOptions,
): Promise<ImportResult> {
  assertImportAllowed(viewer, options.regionCode);
  const report = (stage: ImportProgress['stage'], done: number) =>
    options.onProgress?.({ stage, done, total: rows.length });

  const problems: ImportProblem[] = [];
  const candidates: MemberCandidate[] = [];
  rows.forEach((row, index) => {
    const parsed = parseFormRow(row, options.regionCode);
    problems.push(...parsed.problems);
    if (parsed.candidate) candidates.push(parsed.candidate);
    if (index % 500 === 0) report('validate', index);
  });
  if (problems.length) throw importRejected(problems);

  const work = () =>
    em.transactional(async (tx) => {
      if (options.statementTimeoutMs)
        await tx.execute(`select set_config('statement_timeout', ?, true)`, [String(options.statementTimeoutMs)]);
      if (!options.dryRun) await lockCounties(tx, candidates);
      const units = await planUnits(tx, candidates, problems);
      const planned = withoutRepeatedPeople(candidates, units, problems);
      report('validate', rows.length);
      if (problems.length) throw importRejected(problems);

      const fresh = await notYetRegistered(tx, planned);
      const newUnits = [...units.values()].flatMap((unit) => (unit.create ? [unit.create] : []));
      const masked = !canSeePersonalData(viewer);
      const result: ImportResult = {
        rows: rows.length,
        accepted: planned.length,
        imported: masked ? null : fresh.length,
        unchanged: masked ? null : planned.length - fresh.length,
        unitsCreated: newUnits.length,
        dryRun: Boolean(options.dryRun),
        personalDataMasked: masked,
      };
      // Counts only: what was asked and how much passed, never who.
      await writeAudit(tx, viewer, [
        {
          action: options.dryRun ? 'IMPORT_DRY_RUN' : 'IMPORT_FORM',
          subjectType: 'MemberImport',
          subjectId: null,
          regionCode: options.regionCode,
          detail: {
            rows: rows.length,
            accepted: planned.length,
            added: options.dryRun ? 0 : fresh.length,
            unitsCreated: newUnits.length,
          },
        },
      ]);
      if (!options.dryRun && (fresh.length > 0 || newUnits.length > 0)) {
        await writeUnitsAndMembers(tx, viewer, newUnits, fresh);
        report('write', rows.length);
      }
      await options.completeWith?.(tx, result);
      return result;
    });
  return onUniqueViolation(work, importCollided);
}

interface PlannedMember {
  candidate: MemberCandidate;
  unit: PlannedUnit;
}

/** The same person twice in one unit of the file is a problem of the later row. */
function withoutRepeatedPeople(
  candidates: MemberCandidate[],
  units: Map<string, PlannedUnit>,
  problems: ImportProblem[],
): PlannedMember[] {
  const seen = new Map<string, number>();
  const planned: PlannedMember[] = [];
  for (const candidate of candidates) {
    const unit = units.get(unitKeyOf(candidate));
    if (!unit) continue;
    const person = `${unit.key}|${personKeyOf(candidate.name, candidate.mobile)}`;
    const first = seen.get(person);
    if (first !== undefined) {
      problems.push({
        row: candidate.rowNumber,
        column: headerOf('name'),
        reason: `is the same person (name and mobile) in the same unit as row ${first}`,
      });
      continue;
    }
    seen.set(person, candidate.rowNumber);
    planned.push({ candidate, unit });
  }
  return planned;
}

/** The planned members not registered in their unit yet (re-imports add nothing). */
async function notYetRegistered(tx: EntityManager, planned: PlannedMember[]): Promise<PlannedMember[]> {
  const existingUnitIds = [...new Set(planned.flatMap(({ unit }) => (unit.existing ? [unit.existing.id] : [])))];
  const existingMembers = existingUnitIds.length
    ? await tx.execute<{ entityId: string; personKey: string }[]>(
        `select entity_id as "entityId", person_key as "personKey" from party_member where entity_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
        [JSON.stringify(existingUnitIds)],
      )
    : [];
  const registered = new Set(existingMembers.map((member) => `${member.entityId}|${member.personKey}`));
  return planned.filter(
    ({ candidate, unit }) =>
      !unit.existing || !registered.has(`${unit.existing.id}|${personKeyOf(candidate.name, candidate.mobile)}`),
  );
}

async function writeUnitsAndMembers(
  tx: EntityManager,
  viewer: Viewer,
  newUnits: NonNullable<PlannedUnit['create']>[],
  fresh: PlannedMember[],
): Promise<void> {
  const now = new Date();
  if (newUnits.length) {
    await tx.insertMany(
      MarketEntityTable,
      newUnits.map((unit) => ({
        ...unit,
        industry: null,
        address: null,
        marketId: null,
        status: MarketEntityStatus.OPERATING,
        statusSince: unit.registeredOn,
        lastChangeOn: unit.registeredOn,
        employees: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  const members: PartyMemberRow[] = fresh.map(({ candidate, unit }) =>
    newMemberData(
      {
        ...candidate,
        entityId: unit.existing?.id ?? unit.create!.id,
        findingState: FindingState.FOUND,
        transferStatus: TransferStatus.NOT_NEEDED,
      },
      unit.existing?.regionCode ?? unit.create!.regionCode,
    ),
  );
  await new FactHistory(tx, marketEntityFacts).startMany(
    newUnits.map((unit) => ({
      subjectId: unit.id,
      from: unit.registeredOn,
      state: {
        kind: unit.kind,
        status: MarketEntityStatus.OPERATING,
        regionCode: unit.regionCode,
        employees: null,
        marketId: null,
      },
    })),
    { reason: 'IMPORTED', actor: viewer.subject },
  );
  await insertMembers(tx, viewer, members, 'IMPORTED');
  await writeAudit(
    tx,
    viewer,
    newUnits.map((unit) => ({
      action: 'IMPORT_UNIT',
      subjectType: 'MarketEntity',
      subjectId: unit.id,
      regionCode: unit.regionCode,
    })),
  );
}
