// The chart's table as LaTeX (booktabs): caption with the filter, source, licence, intervals and,
// when the benchmark's BibTeX is known, a \cite and the entry in a comment block to copy.
import type { ChartRow, ChartSpec } from '../spec.ts';
import { captionParts } from './caption.ts';
import { latexNumber } from './number-text.ts';
import { quotedChars } from './quoted-chars.ts';
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

/**
 * What pdflatex's UTF-8 input sets up for text without extra packages: Latin-1, Latin Extended-A
 * (Łukasz, Dvořák, Şahin) but for the nine letters it has no accent for (checked with TeX Live's
 * pdflatex: Ħ ħ ĸ Ŀ ŀ ŉ Ŧ ŧ ſ), and these punctuation marks.
 */
const PDFLATEX_TEXT = /(?![ĦħĸĿŀŉŦŧſ])[\x20-\x7e\u00a0-\u017f–—‘’“”…\n]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Characters of LaTeX source that pdflatex cannot typeset (CJK, emoji, scripts beyond Latin-1 that
 * latexEscape has no command for), in order of first use; comment lines are skipped (never typeset).
 */
export function pdflatexUnsupported(tex: string): string[] {
  const typeset = tex.split('\n').filter((line) => !line.trimStart().startsWith('%')).join('\n');
  return [...new Set([...typeset].filter((c) => !PDFLATEX_TEXT.test(c)))];
}

/** What to compile a table with that has characters pdflatex cannot set. */
function unicodeEngineAdvice(chars: string[]): string {
  const listed = quotedChars(chars);
  const cjkOnly = chars.every((c) => CJK.test(c));
  return (
    `pdflatex cannot typeset ${listed}: compile with XeLaTeX or LuaLaTeX and a font that has ${chars.length === 1 ? 'it' : 'them'}` +
    (cjkOnly ? ' (e.g. \\usepackage{xeCJK} under XeLaTeX), or under pdflatex put the table inside \\begin{CJK}{UTF8}{gbsn} … \\end{CJK} with \\usepackage{CJKutf8}.' : '.')
  );
}

/** What the user is told on saving a table pdflatex cannot compile (the file's first comment says it too). */
export function pdflatexWarning(tex: string): string | undefined {
  const unsupported = pdflatexUnsupported(tex);
  return unsupported.length ? `${unicodeEngineAdvice(unsupported)} A comment at the top of the file says so too.` : undefined;
}

/** The citation keys of BibTeX entries ("@article{samuel2024personagym, …" → "samuel2024personagym"). */
export function bibtexKeys(bibtex: string): string[] {
  return [...bibtex.matchAll(/@\w+\s*\{\s*([^,\s]+)\s*,/g)].map((m) => m[1]);
}

/** The snippet's first words: what it needs in the preamble, and what happens to a table wider than the column. */
const PACKAGES_NOTE =
  '% Needs \\usepackage{booktabs} and \\usepackage{graphicx}. A table wider than the column is scaled down to fit it (in a two-column paper, table* instead of table spans both columns).';

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
  const tables = tableLines(chartTable(spec), words.join(' '));
  const links = linkTable(spec);
  if (links) {
    tables.push('', ...tableLines(links, `${latexEscape(c.title.replace(/\.$/, ''))}: the ${links.rows.length} edges. Source: ${latexEscape(c.source)}${cite}, \\texttt{${latexEscape(c.table)}} (licence ${latexEscape(c.licence)}).`));
  }
  const unsupported = pdflatexUnsupported(tables.join('\n'));
  out.unshift(...(unsupported.length ? [`% ${unicodeEngineAdvice(unsupported)}`] : []), PACKAGES_NOTE, '');
  out.push(...tables);
  return out.join('\n') + '\n';
}

function tableLines({ columns, rows }: DataTable, caption: string): string[] {
  const numeric = numericColumns({ columns, rows });
  const fmt = (v: ChartRow[string] | undefined) => (typeof v === 'number' ? latexNumber(v) : v === null || v === undefined ? '' : latexEscape(String(v)));
  return [
    '\\begin{table}[t]',
    '  \\centering',
    `  \\caption{${caption}}`,
    // Set in a box first: wider than the column (long headers, many columns), it is scaled down to
    // the column's width; narrower, it keeps its size (\resizebox alone would blow it up).
    '  \\sbox0{%',
    `  \\begin{tabular}{${numeric.map((n) => (n ? 'r' : 'l')).join('')}}`,
    '    \\toprule',
    `    ${columns.map((col) => latexEscape(col.label)).join(' & ')} \\\\`,
    '    \\midrule',
    ...rows.map((row) => `    ${columns.map((col) => fmt(row[col.field])).join(' & ')} \\\\`),
    '    \\bottomrule',
    '  \\end{tabular}}%',
    '  \\ifdim\\wd0>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox0}\\else\\usebox0\\fi',
    '\\end{table}',
  ];
}
