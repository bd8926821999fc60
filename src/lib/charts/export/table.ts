// The chart's data as text: CSV of what the chart draws (RFC 4180), and the LaTeX and Markdown tables.
import type { ChartRow, ChartSpec } from '../spec.ts';
import { chartTable, linkTable, type DataTable } from './table-data.ts';

export { latexEscape, toLatex } from './latex.ts';
export { markdownEscape, toMarkdown } from './markdown.ts';

/** RFC 4180 CSV of the chart's table (full precision; the filter is in the file name, see preset.ts). */
export function toCsv(spec: ChartSpec): string {
  return csv(chartTable(spec));
}

/** A network's edges as a CSV of their own (one header per file: a second section is not CSV); null for other charts. */
export function toLinksCsv(spec: ChartSpec): string | null {
  const links = linkTable(spec);
  return links ? csv(links) : null;
}

function csv({ columns, rows }: DataTable): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [columns.map((c) => quote(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(cellText(row[c.field]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cellText(v: ChartRow[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}
