// RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break (quotes
// doubled). NULL is an empty field; numbers keep full precision. toCsv ends lines with CRLF.
import type { CellValue, QueryResult } from '../types.ts';

/** Text a spreadsheet would run as a formula ("CSV injection"): = + - @ or a tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/u;

export interface CsvFieldOptions {
  /**
   * For files meant to be opened in a spreadsheet: such text gets a leading ' (which spreadsheets
   * show as text and hide). Not for files read back as data, where it would change the text.
   */
  spreadsheetSafe?: boolean;
}

export function csvField(value: CellValue, options: CsvFieldOptions = {}): string {
  if (value === null) return '';
  let text = String(value);
  if (options.spreadsheetSafe && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(result: Pick<QueryResult, 'columns' | 'rows'>): string {
  const names = result.columns.map((c) => c.name);
  const lines = [names.map((n) => csvField(n)).join(',')];
  for (const row of result.rows) lines.push(names.map((n) => csvField(row[n] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
