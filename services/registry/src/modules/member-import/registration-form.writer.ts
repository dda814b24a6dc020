import ExcelJS from 'exceljs';
import { FORM_COLUMNS, type FormColumnKey } from './registration-form.columns.js';
import type { FormFormat } from './registration-form.reader.js';

export type FormValues = Partial<Record<FormColumnKey, string>>;

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first: OWASP "CSV
 * injection", e.g. a unit named =HYPERLINK(…)) gets an apostrophe in front; the import removes it.
 */
const neutralisedCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvCell = (raw: string) => {
  const value = neutralisedCell(raw);
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

/** Writes rows with the form's headers: CSV as UTF-8 with a BOM (so Excel reads the Chinese), or XLSX. */
export async function writeRegistrationForm(rows: FormValues[], format: FormFormat): Promise<Buffer> {
  const header = FORM_COLUMNS.map((column) => column.header);
  const cells = (row: FormValues) => FORM_COLUMNS.map((column) => row[column.key] ?? '');
  if (format === 'CSV') {
    const lines = [header, ...rows.map(cells)].map((line) => line.map(csvCell).join(','));
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('个体工商户党建信息登记表');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(cells(row));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
