// The chart's data as text: CSV of what the chart draws (RFC 4180), and the LaTeX and Markdown tables.
import { csvField } from '../../export/csv.ts';
import type { ChartRow, ChartSpec } from '../spec.ts';
import { withoutFloatNoise } from './number-text.ts';
import { chartTable, linkTable, type DataTable } from './table-data.ts';

export { latexEscape, toLatex } from './latex.ts';
export { markdownEscape, toMarkdown } from './markdown.ts';

/** RFC 4180 CSV of the chart's table (full precision without float noise; the filter is in the file name, see file-name.ts). */
export function toCsv(spec: ChartSpec): string {
  return csv(chartTable(spec));
}

/** A network's edges as a CSV of their own (one header per file: a second section is not CSV); null for other charts. */
export function toLinksCsv(spec: ChartSpec): string | null {
  const links = linkTable(spec);
  return links ? csv(links) : null;
}

/** People open these in spreadsheets: text that would run as a formula ("=1+2") is kept as text. */
const SAFE = { spreadsheetSafe: true };

function csv({ columns, rows }: DataTable): string {
  const lines = [columns.map((c) => csvField(c.label, SAFE)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellValue(row[c.field]), SAFE)).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cellValue(v: ChartRow[string] | undefined): ChartRow[string] {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? withoutFloatNoise(v) : null;
  return v;
}
