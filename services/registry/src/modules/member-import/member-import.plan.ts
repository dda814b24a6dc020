import type { EntityManager } from '@mikro-orm/postgresql';
import type { MarketEntityRow } from '../market-entity/market-entity.entity.js';
import { MarketEntityKind } from '../market-entity/market-entity-kind.js';
import { MemberDistribution } from '../party-member/party-member-enums.js';
import { RegionEntity } from '../region/region.entity.js';
import type { ImportProblem, MemberCandidate } from './member-import.parse.js';
import { headerOf } from './registration-form.columns.js';

export type KnownUnit = Pick<MarketEntityRow, 'id' | 'name' | 'creditCode' | 'regionCode'>;

export interface PlannedUnit {
  key: string;
  existing?: KnownUnit;
  create?: {
    name: string;
    creditCode: string | null;
    regionCode: string;
    kind: MarketEntityKind;
    registeredOn: string;
    id: string;
  };
}

export const unitKeyOf = (candidate: MemberCandidate) =>
  candidate.creditCode ? `code:${candidate.creditCode}` : `name:${candidate.regionCode}:${candidate.unitName}`;

/** Finds or plans the unit of every candidate: by credit code, else by name in its region; new units are created. */
export async function planUnits(
  em: EntityManager,
  candidates: MemberCandidate[],
  problems: ImportProblem[],
): Promise<Map<string, PlannedUnit>> {
  const codes = [...new Set(candidates.flatMap((c) => (c.creditCode ? [c.creditCode] : [])))];
  const names = [...new Set(candidates.filter((c) => !c.creditCode).map((c) => c.unitName))];
  // Plain rows, not managed entities: a file can name thousands of units.
  const unitColumns = `id, name, credit_code as "creditCode", region_code as "regionCode"`;
  const [byCode, byName] = await Promise.all([
    codes.length
      ? em.execute<KnownUnit[]>(
          `select ${unitColumns} from market_entity where credit_code in (select jsonb_array_elements_text(?::jsonb))`,
          [JSON.stringify(codes)],
        )
      : [],
    names.length
      ? em.execute<KnownUnit[]>(
          `select ${unitColumns} from market_entity where name in (select jsonb_array_elements_text(?::jsonb))`,
          [JSON.stringify(names)],
        )
      : [],
  ]);
  const regionCodes = [...new Set(candidates.map((c) => c.regionCode))];
  const knownRegions = new Set(
    (await em.find(RegionEntity, { code: { $in: regionCodes } }, { fields: ['code'] })).map((r) => r.code),
  );
  const units = new Map<string, PlannedUnit>();
  for (const candidate of candidates) {
    const key = unitKeyOf(candidate);
    if (units.has(key)) continue;
    const problem = (column: Parameters<typeof headerOf>[0], reason: string) =>
      problems.push({ row: candidate.rowNumber, column: headerOf(column), reason });
    const existing = candidate.creditCode
      ? byCode.filter((unit) => unit.creditCode === candidate.creditCode)
      : byName.filter((unit) => unit.name === candidate.unitName && unit.regionCode.startsWith(candidate.regionCode));
    if (existing.length > 1) {
      problem(
        'unitName',
        `${existing.length} units named ${candidate.unitName} in ${candidate.regionCode}: add 统一社会信用代码 or 所在地区代码 to tell them apart`,
      );
      continue;
    }
    if (existing[0]) {
      units.set(key, { key, existing: existing[0] });
      continue;
    }
    if (!/^(\d{9}|\d{12})$/.test(candidate.regionCode)) {
      problem(
        'regionCode',
        `is needed to register the new unit ${candidate.unitName} (a township or village code), or import into a township`,
      );
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
