// The chart's table as GitHub-flavoured Markdown, with the caption (filter, source, licence,
// intervals) under it; data never turns into formatting, links or HTML.
import type { ChartRow, ChartSpec } from '../spec.ts';
import { captionParts } from './caption.ts';
import { plainNumber } from './number-text.ts';
import { chartTable, linkTable, numericColumns, type DataTable } from './table-data.ts';

/**
 * Text as literal characters in a table cell: inline syntax (emphasis, code, links, HTML, math,
 * strikethrough, the cell separator) backslash-escaped, entities kept as typed, lines folded.
 */
export function markdownEscape(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~!$]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/**
 * `bibtex`: the entries of the benchmarks the rows come from, in a fenced block after the table to
 * copy into a .bib file (the caption's source carries the short citation, set on `spec.source`).
 */
export function toMarkdown(spec: ChartSpec, bibtex = ''): string {
  const c = captionParts(spec);
  const source = `Source: ${markdownEscape(c.source)}, \`${c.table.replace(/`/g, "'")}\` (licence ${markdownEscape(c.licence)}).`;
  const caption = [`*${markdownEscape(c.title)}*`, c.subtitle && markdownEscape(c.subtitle), source, c.uncertainty && markdownEscape(c.uncertainty)].filter(Boolean).join(' ');
  const lines = [...tableLines(chartTable(spec)), '', caption];
  const links = linkTable(spec);
  if (links) lines.push('', ...tableLines(links), '', `*${markdownEscape(c.title.replace(/\.$/, ''))}: the ${links.rows.length} edges.* ${source}`);
  // A fence longer than any run of backticks in the entries, so none can close it early.
  const fence = '`'.repeat(Math.max(3, ...[...bibtex.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  if (bibtex.trim()) lines.push('', 'Cite as (BibTeX):', '', `${fence}bibtex`, bibtex.trim(), fence);
  return lines.join('\n') + '\n';
}

function tableLines({ columns, rows }: DataTable): string[] {
  const numeric = numericColumns({ columns, rows });
  const fmt = (v: ChartRow[string] | undefined) => (typeof v === 'number' ? plainNumber(v) : v === null || v === undefined ? '' : markdownEscape(String(v)));
  return [
    `| ${columns.map((col) => markdownEscape(col.label)).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((col) => fmt(row[col.field])).join(' | ')} |`),
  ];
}
