import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FORM_COLUMNS, type FormColumnKey, type FormRow } from './registration-form.columns.js';

export type FormFormat = 'CSV' | 'XLSX';

/** CSV from Chinese Excel or WPS is often GBK: UTF-8 when the bytes are valid UTF-8, else GBK. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const headerKeys = new Map<string, FormColumnKey>(FORM_COLUMNS.flatMap((column) => [[column.header, column.key], [column.key.toLowerCase(), column.key]]));

export class FormHeaderError extends Error {}

/** Maps header cells to column keys; unknown headers are ignored, missing required ones are an error. */
function columnIndex(header: string[]): Map<number, FormColumnKey> {
  const index = new Map<number, FormColumnKey>();
  header.forEach((cell, position) => {
    const key = headerKeys.get(cell.trim()) ?? headerKeys.get(cell.trim().toLowerCase());
    if (key) index.set(position, key);
  });
  const present = new Set(index.values());
  const missing = FORM_COLUMNS.filter((column) => column.required && !present.has(column.key)).map((column) => column.header);
  if (missing.length) throw new FormHeaderError(`The header row lacks column(s) ${missing.join('、')}: the first row must hold the form's column names.`);
  return index;
}

function toRows(table: string[][]): FormRow[] {
  const [header, ...body] = table;
  if (!header) throw new FormHeaderError('The file is empty: the first row must hold the column names.');
  const index = columnIndex(header);
  const rows: FormRow[] = [];
  body.forEach((cells, offset) => {
    if (cells.every((cell) => !cell?.trim())) return; // blank lines between blocks
    const values: FormRow['values'] = {};
    for (const [position, key] of index) values[key] = (cells[position] ?? '').trim();
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

/** Reads the form's rows from a CSV (UTF-8 or GBK) or XLSX file; row numbers are as the user sees them. */
export async function readRegistrationForm(bytes: Buffer, format: FormFormat): Promise<FormRow[]> {
  if (format === 'CSV') {
    const table = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return toRows(table);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FormHeaderError('The workbook has no sheet.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    table[rowNumber - 1] = cells;
  });
  return toRows(Array.from(table, (cells) => cells ?? []));
}

/** Guesses the format from a file name. */
export const formatOfFile = (fileName: string): FormFormat => (/\.xlsx$/i.test(fileName) ? 'XLSX' : 'CSV');
