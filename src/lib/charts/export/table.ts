// The chart's data as text: CSV of the plotted rows, the table as LaTeX (booktabs) and Markdown.
import { tableColumns, type ChartRow, type ChartSpec } from '../spec.ts';

type Cell = ChartRow[string];

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** RFC 4180 CSV: every plotted row, columns as in the data-table alternative. */
export function toCsv(spec: ChartSpec): string {
  const cols = tableColumns(spec);
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [cols.map((c) => quote(c.label)).join(',')];
  for (const row of spec.data) lines.push(cols.map((c) => quote(cellText(row[c.field]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function latexEscape(s: string): string {
  return s.replace(/[\\&%$#_{}~^]/g, (c) => LATEX_SPECIALS[c]);
}

/** A booktabs table (needs \usepackage{booktabs}); numbers right-aligned, caption = title + source. */
export function toLatex(spec: ChartSpec): string {
  const cols = tableColumns(spec);
  const numeric = cols.map((c) => spec.data.every((r) => r[c.field] === null || typeof r[c.field] === 'number'));
  const fmt = (v: Cell) => (typeof v === 'number' ? formatFixed(v) : latexEscape(cellText(v)));
  const lines = [
    '\\begin{table}[t]',
    '  \\centering',
    `  \\caption{${latexEscape(spec.title)}. Source: ${latexEscape(spec.source.benchmark)}, \\texttt{${latexEscape(spec.source.table)}} (licence ${latexEscape(spec.source.license)}).${spec.uncertainty ? ' ' + latexEscape(spec.uncertainty) + '.' : ''}}`,
    `  \\begin{tabular}{${numeric.map((n) => (n ? 'r' : 'l')).join('')}}`,
    '    \\toprule',
    `    ${cols.map((c) => latexEscape(c.label)).join(' & ')} \\\\`,
    '    \\midrule',
    ...spec.data.map((row) => `    ${cols.map((c) => fmt(row[c.field])).join(' & ')} \\\\`),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table with the source line under it. */
export function toMarkdown(spec: ChartSpec): string {
  const cols = tableColumns(spec);
  const numeric = cols.map((c) => spec.data.every((r) => r[c.field] === null || typeof r[c.field] === 'number'));
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const fmt = (v: Cell) => (typeof v === 'number' ? formatFixed(v) : esc(cellText(v)));
  const lines = [
    `| ${cols.map((c) => esc(c.label)).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...spec.data.map((row) => `| ${cols.map((c) => fmt(row[c.field])).join(' | ')} |`),
    '',
    `*${esc(spec.title)}.* Source: ${esc(spec.source.benchmark)}, \`${spec.source.table}\` (licence ${esc(spec.source.license)}).${spec.uncertainty ? ' ' + esc(spec.uncertainty) + '.' : ''}`,
  ];
  return lines.join('\n') + '\n';
}

/** Up to 4 decimals, trailing zeros dropped: exact enough for a paper, no float noise. */
function formatFixed(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(4))) : '';
}
