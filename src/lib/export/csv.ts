// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
// break (quotes doubled). NULL is an empty field; numbers keep full precision.
import type { CellValue, QueryResult } from '../types.ts';

export function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(result: Pick<QueryResult, 'columns' | 'rows'>): string {
  const names = result.columns.map((c) => c.name);
  const lines = [names.map(csvField).join(',')];
  for (const row of result.rows) lines.push(names.map((n) => csvField(row[n] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
