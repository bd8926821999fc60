// The chart's table as LaTeX (booktabs): caption with the filter, source, licence, intervals and,
// when the benchmark's BibTeX is known, a \cite and the entry in a comment block to copy.
import type { ChartRow, ChartSpec } from '../spec.ts';
import { captionParts } from './caption.ts';
import { latexNumber } from './number-text.ts';
import { chartTable, linkTable, numericColumns, type DataTable } from './table-data.ts';

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
  // Under the default OT1 font encoding these print as ¡ ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  // Not set up for text by LaTeX's UTF-8 input: "Unicode character ≥ not set up for use with LaTeX".
  '≥': '\\ensuremath{\\geq}',
  '≤': '\\ensuremath{\\leq}',
  '≠': '\\ensuremath{\\neq}',
  '±': '\\ensuremath{\\pm}',
  '×': '\\ensuremath{\\times}',
  '−': '\\ensuremath{-}',
  ...greekLetters(),
};

/**
 * Greek letters (APC's metric is "ΔAPC"): not set up for text by LaTeX's UTF-8 input either. Those
 * with a math command become it; capitals that are Latin-shaped (Α, Β …) become the Latin letter.
 */
function greekLetters(): Record<string, string> {
  const lower = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma sigma tau upsilon phi chi psi omega'.split(' ');
  const upper = 'A B Gamma Delta E Z H Theta I K Lambda M N Xi O Pi P - Sigma T Upsilon Phi X Psi Omega'.split(' ');
  const out: Record<string, string> = {};
  lower.forEach((name, i) => (out[String.fromCodePoint(0x3b1 + i)] = name === 'o' ? 'o' : `\\ensuremath{\\${name}}`));
  upper.forEach((name, i) => {
    if (name === '-') return; // U+03A2 is unassigned
    out[String.fromCodePoint(0x391 + i)] = name.length === 1 ? name : `\\ensuremath{\\${name}}`;
  });
  return out;
}

const SPECIAL = new RegExp(`[${Object.keys(LATEX_SPECIALS).map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/**
 * Text safe in a LaTeX paragraph or tabular cell: specials escaped, and line breaks folded into
 * spaces (a blank line inside tabular is a paragraph break, which LaTeX refuses there).
 */
export function latexEscape(s: string): string {
  return s.replace(/\s+/g, ' ').replace(SPECIAL, (c) => LATEX_SPECIALS[c]);
}

/** The citation keys of BibTeX entries ("@article{samuel2024personagym, …" → "samuel2024personagym"). */
export function bibtexKeys(bibtex: string): string[] {
  return [...bibtex.matchAll(/@\w+\s*\{\s*([^,\s]+)\s*,/g)].map((m) => m[1]);
}

/**
 * A booktabs table (needs \usepackage{booktabs}); a network's edges follow in a second table.
 * `bibtex`: the entries of the benchmarks the rows come from (several for a query), cited in the caption.
 */
export function toLatex(spec: ChartSpec, bibtex = ''): string {
  const key = bibtexKeys(bibtex).join(',');
  const c = captionParts(spec);
  const cite = key ? `~\\cite{${key}}` : '';
  const words = [
    latexEscape(c.title),
    c.subtitle && latexEscape(c.subtitle),
    `Source: ${latexEscape(c.source)}${cite}, \\texttt{${latexEscape(c.table)}} (licence ${latexEscape(c.licence)}).`,
    c.uncertainty && latexEscape(c.uncertainty),
  ].filter(Boolean);
  const out: string[] = [];
  if (key) {
    out.push(`% The caption cites ${key}; add ${key.includes(',') ? 'these entries' : 'this entry'} to your .bib file:`, ...bibtex.trim().split(/\r?\n/).map((l) => `% ${l}`), '');
  }
  out.push(...tableLines(chartTable(spec), words.join(' ')));
  const links = linkTable(spec);
  if (links) {
    out.push('', ...tableLines(links, `${latexEscape(c.title.replace(/\.$/, ''))}: the ${links.rows.length} edges. Source: ${latexEscape(c.source)}${cite}, \\texttt{${latexEscape(c.table)}} (licence ${latexEscape(c.licence)}).`));
  }
  return out.join('\n') + '\n';
}

function tableLines({ columns, rows }: DataTable, caption: string): string[] {
  const numeric = numericColumns({ columns, rows });
  const fmt = (v: ChartRow[string] | undefined) => (typeof v === 'number' ? latexNumber(v) : v === null || v === undefined ? '' : latexEscape(String(v)));
  return [
    '\\begin{table}[t]',
    '  \\centering',
    `  \\caption{${caption}}`,
    `  \\begin{tabular}{${numeric.map((n) => (n ? 'r' : 'l')).join('')}}`,
    '    \\toprule',
    `    ${columns.map((col) => latexEscape(col.label)).join(' & ')} \\\\`,
    '    \\midrule',
    ...rows.map((row) => `    ${columns.map((col) => fmt(row[col.field])).join(' & ')} \\\\`),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ];
}
