import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FormFileError } from './form-file-error.js';
import { importLimits, type ImportLimits } from './member-import.settings.js';
import { FORM_COLUMNS, type FormColumnKey, type FormRow } from './registration-form.columns.js';
import { assertArchiveWithinLimits } from './xlsx-archive.js';

export type FormFormat = 'CSV' | 'XLSX';

/** CSV from Chinese Excel or WPS is often GBK: UTF-8 when the bytes are valid UTF-8, else GBK. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const headerKeys = new Map<string, FormColumnKey>(
  FORM_COLUMNS.flatMap((column) => [
    [column.header, column.key],
    [column.key.toLowerCase(), column.key],
  ]),
);

/** Maps header cells to column keys; unknown headers are ignored, missing required ones are an error. */
function columnIndex(header: string[]): Map<number, FormColumnKey> {
  const index = new Map<number, FormColumnKey>();
  header.forEach((cell, position) => {
    const key = headerKeys.get(cell.trim()) ?? headerKeys.get(cell.trim().toLowerCase());
    if (key) index.set(position, key);
  });
  const present = new Set(index.values());
  const missing = FORM_COLUMNS.filter((column) => column.required && !present.has(column.key)).map(
    (column) => column.header,
  );
  if (missing.length)
    throw new FormFileError(
      `The header row lacks column(s) ${missing.join('、')}: the first row must hold the form's column names.`,
    );
  return index;
}

/** Undoes the export's guard against formulas ('=…' back to '=…'), so an exported file imports back unchanged. */
const restoredCell = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function toRows(table: string[][]): FormRow[] {
  const [header, ...body] = table;
  if (!header) throw new FormFileError('The file is empty: the first row must hold the column names.');
  const index = columnIndex(header);
  const rows: FormRow[] = [];
  body.forEach((cells, offset) => {
    if (cells.every((cell) => !cell?.trim())) return; // blank lines between blocks
    const values: FormRow['values'] = {};
    for (const [position, key] of index) values[key] = restoredCell((cells[position] ?? '').trim());
    rows.push({ rowNumber: offset + 2, values });
  });
  return rows;
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
};

const tooManyRows = (limits: ReadLimits) =>
  new FormFileError(`The file has more than ${limits.IMPORT_MAX_ROWS} rows (IMPORT_MAX_ROWS): split it by township.`);

type ReadLimits = Pick<ImportLimits, 'IMPORT_MAX_ROWS' | 'IMPORT_MAX_UNCOMPRESSED_BYTES'>;

/**
 * Reads the form's rows from a CSV (UTF-8 or GBK) or XLSX file; row numbers are as the user sees
 * them. Bounded: at most IMPORT_MAX_ROWS rows, and an XLSX must unpack within
 * IMPORT_MAX_UNCOMPRESSED_BYTES (checked before it is unpacked for reading). A file that cannot be
 * read as the form at all is a FormFileError saying why.
 */
export async function readRegistrationForm(
  bytes: Buffer,
  format: FormFormat,
  limits: ReadLimits = importLimits.get(),
): Promise<FormRow[]> {
  if (format === 'CSV') {
    let table: string[][];
    try {
      // The header and one row more than allowed are enough to know the file is too long.
      table = parse(decodeCsv(bytes), {
        relax_column_count: true,
        skip_empty_lines: false,
        to_line: limits.IMPORT_MAX_ROWS + 2,
      }) as string[][];
    } catch (error) {
      throw new FormFileError(
        `The CSV could not be read: ${error instanceof Error ? error.message.split('\n')[0] : 'malformed'}. Save it again as CSV from Excel or WPS.`,
      );
    }
    if (table.length > limits.IMPORT_MAX_ROWS + 1) throw tooManyRows(limits);
    return toRows(table);
  }
  await assertArchiveWithinLimits(bytes, limits.IMPORT_MAX_UNCOMPRESSED_BYTES);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FormFileError(
      'The file could not be read as an XLSX workbook: save it again from Excel or WPS, or send it as CSV.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FormFileError('The workbook has no sheet.');
  if (sheet.rowCount > limits.IMPORT_MAX_ROWS + 1) throw tooManyRows(limits);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    table[rowNumber - 1] = cells;
  });
  return toRows(Array.from(table, (cells) => cells ?? []));
}

/** The format a file name says (.xlsx or .csv); null for anything else. */
export function formatOfFile(fileName: string): FormFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'xlsx' ? 'XLSX' : extension === 'csv' ? 'CSV' : null;
}
