import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRegionInScope, assertRole, domainError, FactHistory, onUniqueViolation, WRITER_ROLES, writeAudit, type Viewer } from '@xgz/kit';
import { MarketEntityEntity, type MarketEntityRow } from '../market-entity/market-entity.entity.js';
import { marketEntityFacts } from '../market-entity/market-entity.facts.js';
import { MarketEntityKind, MarketEntityStatus } from '../market-entity/market-entity-kind.js';
import { personKeyOf, type PartyMemberRow } from '../party-member/party-member.entity.js';
import { insertMembers, newMemberData } from '../party-member/party-member.service.js';
import { FindingState, MemberDistribution, TransferStatus } from '../party-member/party-member-enums.js';
import { RegionEntity } from '../region/region.entity.js';
import { assertRegionCode } from '../region/region.service.js';
import { parseFormRow, type ImportProblem, type MemberCandidate } from './member-import.parse.js';
import { headerOf, type FormRow } from './registration-form.columns.js';

export interface ImportProgress {
  stage: 'validate' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Region the file belongs to: rows without their own 所在地区代码 are placed here. */
  regionCode: string;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  rows: number;
  imported: number;
  /** Rows whose person was already registered in the same unit (re-import). */
  unchanged: number;
  unitsCreated: number;
  dryRun: boolean;
}

type KnownUnit = Pick<MarketEntityRow, 'id' | 'name' | 'creditCode' | 'regionCode'>;

interface PlannedUnit {
  key: string;
  existing?: KnownUnit;
  create?: { name: string; creditCode: string | null; regionCode: string; kind: MarketEntityKind; registeredOn: string; id: string };
}

const unitKeyOf = (candidate: MemberCandidate) => (candidate.creditCode ? `code:${candidate.creditCode}` : `name:${candidate.regionCode}:${candidate.unitName}`);

export const importRejected = (problems: ImportProblem[]) =>
  domainError(
    'IMPORT_REJECTED',
    `Nothing was imported: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.row)).size} row(s), e.g. row ${problems[0]!.row} ${problems[0]!.column} ${problems[0]!.reason}. Fix every row listed in extensions.problems and import the file again.`,
    { problems },
  );

/** Finds or plans the unit of every candidate: by credit code, else by name in its region; new units are created. */
async function planUnits(em: EntityManager, candidates: MemberCandidate[], problems: ImportProblem[]): Promise<Map<string, PlannedUnit>> {
  const codes = [...new Set(candidates.flatMap((c) => (c.creditCode ? [c.creditCode] : [])))];
  const names = [...new Set(candidates.filter((c) => !c.creditCode).map((c) => c.unitName))];
  // Plain rows, not managed entities: a file can name thousands of units.
  const unitColumns = `id, name, credit_code as "creditCode", region_code as "regionCode"`;
  const [byCode, byName] = await Promise.all([
    codes.length ? em.execute<KnownUnit[]>(`select ${unitColumns} from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(codes)]) : [],
    names.length ? em.execute<KnownUnit[]>(`select ${unitColumns} from market_entity where name in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(names)]) : [],
  ]);
  const regionCodes = [...new Set(candidates.map((c) => c.regionCode))];
  const knownRegions = new Set((await em.find(RegionEntity, { code: { $in: regionCodes } }, { fields: ['code'] })).map((r) => r.code));
  const units = new Map<string, PlannedUnit>();
  for (const candidate of candidates) {
    const key = unitKeyOf(candidate);
    if (units.has(key)) continue;
    const problem = (column: Parameters<typeof headerOf>[0], reason: string) => problems.push({ row: candidate.rowNumber, column: headerOf(column), reason });
    const existing = candidate.creditCode
      ? byCode.filter((unit) => unit.creditCode === candidate.creditCode)
      : byName.filter((unit) => unit.name === candidate.unitName && unit.regionCode.startsWith(candidate.regionCode));
    if (existing.length > 1) {
      problem('unitName', `${existing.length} units named ${candidate.unitName} in ${candidate.regionCode}: add 统一社会信用代码 or 所在地区代码 to tell them apart`);
      continue;
    }
    if (existing[0]) {
      units.set(key, { key, existing: existing[0] });
      continue;
    }
    if (!/^(\d{9}|\d{12})$/.test(candidate.regionCode)) {
      problem('regionCode', `is needed to register the new unit ${candidate.unitName} (a township or village code), or import into a township`);
      continue;
    }
    if (!knownRegions.has(candidate.regionCode)) {
      problem('regionCode', `${candidate.regionCode} is not a known region code`);
      continue;
    }
    const enterprise = candidate.distribution === MemberDistribution.SMALL_MICRO_ENTERPRISE;
    if (enterprise && !candidate.creditCode) {
      problem('creditCode', `is needed to register the new small/micro enterprise ${candidate.unitName}`);
      continue;
    }
    units.set(key, {
      key,
      create: {
        id: crypto.randomUUID(),
        name: candidate.unitName,
        creditCode: candidate.creditCode,
        regionCode: candidate.regionCode,
        kind: enterprise ? MarketEntityKind.SMALL_MICRO_ENTERPRISE : MarketEntityKind.INDIVIDUAL_BUSINESS,
        registeredOn: candidate.registeredOn,
      },
    });
  }
  return units;
}

/**
 * Imports registration-form rows: every row is checked first; any problem and nothing is written
 * (IMPORT_REJECTED lists every row, column and reason). A good file is written in one transaction.
 * Re-importing adds nothing: a person (name + mobile) already in the same unit is left unchanged.
 */
export async function importPartyMembers(em: EntityManager, viewer: Viewer, rows: FormRow[], options: ImportOptions): Promise<ImportResult> {
  assertRole(viewer, WRITER_ROLES, 'import party members');
  assertRegionCode(options.regionCode, 'regionCode');
  assertRegionInScope(viewer, options.regionCode, 'party members');
  const report = (stage: ImportProgress['stage'], done: number) => options.onProgress?.({ stage, done, total: rows.length });

  const problems: ImportProblem[] = [];
  const candidates: MemberCandidate[] = [];
  rows.forEach((row, index) => {
    const parsed = parseFormRow(row, options.regionCode);
    problems.push(...parsed.problems);
    if (parsed.candidate) candidates.push(parsed.candidate);
    if (index % 500 === 0) report('validate', index);
  });
  const units = await planUnits(em, candidates, problems);

  const seen = new Map<string, number>();
  const planned: { candidate: MemberCandidate; unit: PlannedUnit }[] = [];
  for (const candidate of candidates) {
    const unit = units.get(unitKeyOf(candidate));
    if (!unit) continue;
    const person = `${unit.key}|${personKeyOf(candidate.name, candidate.mobile)}`;
    const first = seen.get(person);
    if (first !== undefined) {
      problems.push({ row: candidate.rowNumber, column: headerOf('name'), reason: `is the same person (name and mobile) in the same unit as row ${first}` });
      continue;
    }
    seen.set(person, candidate.rowNumber);
    planned.push({ candidate, unit });
  }
  report('validate', rows.length);
  if (problems.length) throw importRejected(problems.sort((a, b) => a.row - b.row));

  const existingUnitIds = [...new Set(planned.flatMap(({ unit }) => (unit.existing ? [unit.existing.id] : [])))];
  const existingMembers = existingUnitIds.length
    ? await em.execute<{ entityId: string; personKey: string }[]>(
        `select entity_id as "entityId", person_key as "personKey" from party_member where entity_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
        [JSON.stringify(existingUnitIds)],
      )
    : [];
  const registered = new Set(existingMembers.map((member) => `${member.entityId}|${member.personKey}`));
  const fresh = planned.filter(({ candidate, unit }) => !unit.existing || !registered.has(`${unit.existing.id}|${personKeyOf(candidate.name, candidate.mobile)}`));
  const newUnits = [...units.values()].flatMap((unit) => (unit.create ? [unit.create] : []));
  const result: ImportResult = { rows: rows.length, imported: fresh.length, unchanged: planned.length - fresh.length, unitsCreated: newUnits.length, dryRun: Boolean(options.dryRun) };
  if (options.dryRun || (fresh.length === 0 && newUnits.length === 0)) return result;

  const write = () =>
    em.transactional(async (tx) => {
      const now = new Date();
      if (newUnits.length) {
        await tx.insertMany(
          MarketEntityEntity,
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
      report('write', Math.floor(rows.length / 2));
      await new FactHistory(tx, marketEntityFacts).startMany(
        newUnits.map((unit) => ({ subjectId: unit.id, from: unit.registeredOn, state: { kind: unit.kind, status: MarketEntityStatus.OPERATING, regionCode: unit.regionCode } })),
        { reason: 'IMPORTED', actor: viewer.subject },
      );
      await insertMembers(tx, viewer, members, 'IMPORTED');
      await writeAudit(tx, viewer, newUnits.map((unit) => ({ action: 'IMPORT_UNIT', subjectType: 'MarketEntity', subjectId: unit.id, regionCode: unit.regionCode })));
    });
  await onUniqueViolation(write, () =>
    importRejected([{ row: 0, column: headerOf('creditCode'), reason: 'a credit code in the file belongs to a unit outside your region; import that row in its own region' }]),
  );
  report('write', rows.length);
  return result;
}
