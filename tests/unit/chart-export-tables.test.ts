// Chart exports write what the chart shows: its filter and citation, numbers that are never an
// invented 0, safe text, the chart's column and row order, histogram bins, a network's edges;
// and file names that tell charts apart.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import type { BenchmarkEntry } from '../../src/lib/types.ts';
import { chartFileName, localDay } from '../../src/lib/charts/export/file-name.ts';
import { exportFormatsFor } from '../../src/lib/charts/export/formats.ts';
import { countBins, histogramThresholds } from '../../src/lib/charts/export/histogram-bins.ts';
import { chartTable } from '../../src/lib/charts/export/table-data.ts';
import { shortCitation, withCitation } from '../../src/lib/charts/export/citation.ts';
import { pdflatexUnsupported, pdflatexWarning } from '../../src/lib/charts/export/latex.ts';
import { toCsv, toLatex, toLinksCsv, toMarkdown } from '../../src/lib/charts/export/table.ts';
import { builderSpec } from '../../src/lib/charts/builder.ts';

const { window } = new JSDOM('<!doctype html><body></body>');
const doc = window.document;
const source = { benchmark: 'PersonaGym', benchmarkId: 'personagym', table: 'personagym.scores', license: 'MIT' };
const fixtures = new Map(chartFixtures().map((s) => [s.view, s]));

/** A filtered builder chart, made as the builder makes it: horizontal bars sorted by value. */
const filtered = builderSpec(
  { mark: 'bar', x: 'model', y: 'score', color: '', facet: '', aggregate: 'mean', sort: 'value-desc' },
  [
    { model: 'a', score: 2 },
    { model: 'b', score: 5 },
    { model: 'c', score: 3 },
  ],
  source,
  'Scores',
  'task is Toxicity Control; score ≥ 4',
);

const odd: ChartSpec = {
  view: 'odd',
  title: 'Odd values',
  data: [
    { k: 'a\n\nb', v: 0.00004 },
    { k: '<b>|x*y* [l](u) &amp; $m$', v: 1.2345678901234569e23 },
    { k: 'c', v: -0.0000123456 },
  ],
  encoding: { mark: 'bar', x: 'k', y: 'v' },
  xLabel: 'k',
  yLabel: 'v',
  source,
};

describe('export caption carries the filter (1)', () => {
  it('LaTeX caption and Markdown footer name the rows kept; the CSV file name does', () => {
    expect(toLatex(filtered)).toContain('\\caption{Scores: mean of score by model. Rows where task is Toxicity Control; score \\ensuremath{\\geq} 4. Source: PersonaGym');
    expect(toMarkdown(filtered)).toContain('*Scores: mean of score by model.* Rows where task is Toxicity Control; score ≥ 4. Source: PersonaGym');
    expect(chartFileName(filtered, 'csv', '', new Date(2026, 10, 27))).toBe(
      'personagym_builder-bar_scores-mean-of-score-by-model_where-task-is-toxicity-control-score-ge-4_2026-11-27.csv',
    );
  });
});

describe('numbers and escaping (2)', () => {
  it('never prints a non-zero as 0 nor float noise', () => {
    const tex = toLatex(odd);
    expect(tex).toContain('a b & 0.00004 \\\\');
    expect(tex).toContain('$1.235\\times10^{23}$');
    expect(tex).toContain('c & -0.00001235 \\\\');
    const md = toMarkdown(odd);
    expect(md).toContain('| a b | 0.00004 |');
    expect(md).toContain('1.235e23');
    expect(md).not.toMatch(/\| 0 \|/);
  });

  it('CSV: numbers without float noise and without losing a digit, formula-like text kept as text', () => {
    // Means as the builder takes them: (1.9 + 3.8) / 2 is 2.8499999999999996 in floating point.
    const mean = (...xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(1.9, 3.8)).toBe(2.8499999999999996);
    const spec: ChartSpec = {
      ...odd,
      data: [
        { k: '=1+2', v: mean(1.9, 3.8) },
        { k: '+cmd|x', v: mean(4.1, 3.1) },
        { k: '@SUM(A1)', v: 1234567890123.45 },
        { k: '-2', v: 0.1 + 0.2 },
        { k: 'plain, quoted', v: -0.000012345678901234 },
        // An id or a microsecond timestamp: 16 real digits, never rounded.
        { k: 'id', v: 1700000000123456 },
      ],
    };
    expect(toCsv(spec).split('\r\n')).toEqual(["k,v", "'=1+2,2.85", "'+cmd|x,3.6", "'@SUM(A1),1234567890123.45", "'-2,0.3", '"plain, quoted",-0.000012345678901234', 'id,1700000000123456', '']);
  });

  it('LaTeX: no paragraph break in tabular, < > | spelled as text commands', () => {
    const tex = toLatex(odd);
    expect(tex).not.toMatch(/\n\s*\n\s*b/);
    expect(tex).toContain('\\textless{}b\\textgreater{}\\textbar{}x*y*');
  });

  it('Markdown: inline syntax in data stays literal', () => {
    expect(toMarkdown(odd)).toContain('| \\<b\\>\\|x\\*y\\* \\[l\\](u) \\&amp; \\$m\\$ |');
  });
});

describe('table follows the chart (3)', () => {
  it('puts the category column first and rows in the chart’s sort order', () => {
    const { columns, rows } = chartTable(filtered);
    expect(columns.map((c) => c.field)).toEqual(['model', 'score']);
    expect(rows.map((r) => r.model)).toEqual(['b', 'c', 'a']);
    expect(toCsv(filtered)).toBe('model,mean of score\r\nb,5\r\nc,3\r\na,2\r\n');
    const asc = chartTable({ ...filtered, encoding: { ...filtered.encoding, sort: 'value-asc' } });
    expect(asc.rows.map((r) => r.model)).toEqual(['a', 'c', 'b']);
  });
});

describe('histogram exports are its bins (4)', () => {
  it('counts rows into the thresholds the chart draws', () => {
    const spec = fixtures.get('histogram')!;
    const { columns, rows } = chartTable(spec);
    expect(columns.map((c) => c.field)).toEqual(['bin_start', 'bin_end', 'count']);
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(spec.data.length);
    expect(rows.length).toBeLessThan(spec.data.length);
    // The chart draws one rect per non-empty bin, at the same edges.
    const svg = renderChart(spec, { theme: 'light', width: 640, document: doc });
    expect(svg.querySelectorAll('g[data-mark="rect"] rect').length).toBe(rows.filter((r) => Number(r.count) > 0).length);
  });

  it('uses nice thresholds covering the extent, the last strictly above the maximum', () => {
    const t = histogramThresholds([0.05, 0.31, 0.99, 1], 10);
    expect(t[0]).toBeLessThanOrEqual(0.05);
    expect(t.at(-1)!).toBeGreaterThan(1);
    expect(t).toContain(0.3);
    expect(countBins([0.3, 0.3999, 0.4], [0.3, 0.4, 0.5])).toEqual([
      { lo: 0.3, hi: 0.4, count: 2 },
      { lo: 0.4, hi: 0.5, count: 1 },
    ]);
  });
});

describe('network exports keep the edges (5)', () => {
  it('offers an edges CSV and adds an edges table to LaTeX and Markdown', () => {
    const spec = fixtures.get('network')!;
    const n = spec.links!.length;
    expect(exportFormatsFor(spec).map((f) => f.format)).toContain('csv-links');
    expect(exportFormatsFor(fixtures.get('histogram')!).map((f) => f.format)).not.toContain('csv-links');
    const csv = toLinksCsv(spec)!;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(n + 1);
    expect(toLatex(spec).match(/\\begin\{tabular\}/g)).toHaveLength(2);
    expect(toLatex(spec)).toContain(`the ${n} edges`);
    expect(toMarkdown(spec)).toContain(`the ${n} edges`);
  });
});

describe('file names (9)', () => {
  it('differ by what is plotted and use the local date', () => {
    const other = builderSpec({ mark: 'bar', x: 'task', y: 'score', color: '', facet: '', aggregate: 'mean', sort: 'none' }, [{ task: 't', score: 1 }], source, 'Scores');
    const day = new Date(2026, 0, 1, 0, 30);
    expect(chartFileName(other, 'pdf', '', day)).toBe('personagym_builder-bar_scores-mean-of-score-by-task_2026-01-01.pdf');
    expect(chartFileName(other, 'pdf', '', day)).not.toBe(chartFileName({ ...other, title: 'Scores: mean of score by model' }, 'pdf', '', day));
    expect(localDay(day)).toBe('2026-01-01');
    const long = chartFileName({ ...other, filter: 'x'.repeat(200) }, 'csv', '', day);
    expect(long.length).toBeLessThan(200);
    expect(long).not.toBe(chartFileName({ ...other, filter: 'x'.repeat(199) }, 'csv', '', day));
  });
});

describe('citation (10)', () => {
  it('cites the benchmark in the caption and gives its BibTeX as comments', () => {
    const bib = '@inproceedings{samuel2024personagym,\n  title = {PersonaGym},\n  year = {2024}\n}';
    const tex = toLatex(filtered, bib);
    expect(tex).toContain('Source: PersonaGym~\\cite{samuel2024personagym}');
    expect(tex).toContain('% @inproceedings{samuel2024personagym,\n%   title = {PersonaGym},');
    expect(toLatex(filtered)).not.toContain('\\cite');
    // A query's rows from two benchmarks cite both.
    const two = `${bib}\n\n@article{tao2025personafeedback,\n  title = {PersonaFeedback}\n}\n`;
    expect(toLatex(filtered, two)).toContain('Source: PersonaGym~\\cite{samuel2024personagym,tao2025personafeedback}');
    expect(toLatex(filtered, two)).toContain('add these entries to your .bib file');
  });
});


describe('file names of curated and leaderboard charts (9)', () => {
  it('keep a curated view’s name short and tell leaderboards apart by metric and subset', () => {
    const day = new Date(2026, 10, 27, 23, 59);
    expect(chartFileName({ ...filtered, view: 'model-by-task', subtitle: 'Mean judge score per task.', filter: undefined }, 'svg', '', day)).toBe('personagym_model-by-task_2026-11-27.svg');
    const board = (title: string) => chartFileName({ ...filtered, view: 'leaderboard', subtitle: undefined, filter: undefined, title }, 'csv', '', day);
    expect(board('PersonaGym: score · overall, by model')).toBe('personagym_leaderboard_score-overall-by-model_2026-11-27.csv');
    expect(board('PersonaGym: score · overall, by model')).not.toBe(board('PersonaGym: score · toxicity, by model'));
  });
});

describe('edge cases of bins and filters', () => {
  it('a histogram of one repeated value is one bin of them all, as Plot draws it', () => {
    expect(histogramThresholds([3, 3, 3], 20)).toEqual([3]);
    expect(countBins([3, 3, 3], [3])).toEqual([{ lo: 3, hi: 3, count: 3 }]);
  });

  it('names the filter of a chart of the first rows too', () => {
    const first = builderSpec(
      { mark: 'scatter', x: 'model', y: 'score', color: '', facet: '', aggregate: 'none', sort: 'none' },
      [{ model: 'a', score: 2 }],
      source,
      'Scores',
      'task is A',
      { kind: 'first', total: 51_200 },
    );
    expect(first.subtitle).toBe('First 1 of 51,200 rows where task is A (the rest are not drawn)');
    expect(chartFileName(first, 'csv', '', new Date(2026, 10, 27))).toContain('_where-task-is-a_');
  });
});

describe('LaTeX for text pdflatex cannot set (3)', () => {
  const works: ChartSpec = {
    ...odd,
    title: 'Scenes per work',
    data: [
      { k: '三国演义', v: 120 },
      { k: '红楼梦', v: 98 },
      { k: 'Hamlet', v: 20 },
    ],
  };
  it('says at the top which characters need XeLaTeX/LuaLaTeX or CJKutf8, and stays quiet for Latin, Greek and maths', () => {
    const tex = toLatex(works);
    expect(pdflatexUnsupported(tex)).toEqual(['三', '国', '演', '义', '红', '楼', '梦']);
    expect(tex.split('\n')[0]).toBe(
      '% pdflatex cannot typeset “三”, “国”, “演”, “义”, “红”, “楼”, “梦”: compile with XeLaTeX or LuaLaTeX and a font that has them (e.g. \\usepackage{xeCJK} under XeLaTeX), or under pdflatex put the table inside \\begin{CJK}{UTF8}{gbsn} … \\end{CJK} with \\usepackage{CJKutf8}.',
    );
    // Emoji: no CJK package helps.
    const emoji = toLatex({ ...works, data: [{ k: '中文 🙂 ΔAPC', v: 4 }] });
    expect(emoji.split('\n')[0]).toBe('% pdflatex cannot typeset “中”, “文”, “🙂”: compile with XeLaTeX or LuaLaTeX and a font that has them.');
    // Greek and maths signs are mapped to commands: nothing to say.
    expect(toLatex(filtered)).not.toMatch(/pdflatex cannot/);
    expect(pdflatexUnsupported(toLatex({ ...works, data: [{ k: 'ΔAPC ≥ 4, café – “x”', v: 1 }] }))).toEqual([]);
    // Latin Extended-A is set up by pdflatex's UTF-8 input, but for nine letters with no accent command.
    expect(pdflatexUnsupported(toLatex({ ...works, data: [{ k: 'Łukasz Dvořák Şahin Ħal', v: 1 }] }))).toEqual(['Ħ']);
  });

  it('warns when the file is saved, as the PDF export does', () => {
    const warning = pdflatexWarning(toLatex(works));
    expect(warning).toContain('pdflatex cannot typeset “三”, “国”, “演”, “义”, “红”, “楼”, “梦”: compile with XeLaTeX or LuaLaTeX');
    expect(warning).toContain('A comment at the top of the file says so too.');
    expect(pdflatexWarning(toLatex(filtered))).toBeUndefined();
  });
});

describe('citation in figure and Markdown captions (12)', () => {
  const entry = { authors: ['Letian Peng', 'Jingbo Shang'], year: 2024, arxiv: '2405.07726', venue: 'NeurIPS' };
  it('is short in a figure: surnames (or the first et al.), year, arXiv id or else the venue', () => {
    expect(shortCitation(entry)).toBe('Peng and Shang 2024, arXiv:2405.07726');
    expect(shortCitation({ ...entry, authors: ['Vinay Samuel', 'Henry Peng Zou', 'Yue Zhou'], arxiv: null })).toBe('Samuel et al. 2024, NeurIPS');
    expect(shortCitation({ ...entry, authors: ['Ada Lovelace'] })).toBe('Lovelace 2024, arXiv:2405.07726');
  });

  it('prints in the drawn source line, and in the Markdown caption with the BibTeX after the table', () => {
    const bibtex = '@inproceedings{peng2024apc,\n  title = {Quantifying and Optimizing Global Faithfulness},\n  year = {2024}\n}\n';
    const spec = withCitation(filtered, [{ ...entry, bibtex } as unknown as BenchmarkEntry]);
    const svg = renderChart(spec, { theme: 'light', width: 640, document: doc });
    const line = [...svg.querySelectorAll('[data-source-line]')].map((n) => n.textContent).join(' ');
    expect(line).toContain('Source: PersonaGym (Peng and Shang 2024, arXiv:2405.07726), personagym.scores · licence MIT');
    const md = toMarkdown(spec, bibtex);
    expect(md).toContain('Source: PersonaGym (Peng and Shang 2024, arXiv:2405.07726), `personagym.scores` (licence MIT).');
    expect(md.trimEnd().endsWith(['Cite as (BibTeX):', '', '```bibtex', bibtex.trim(), '```'].join('\n'))).toBe(true);
    // Without entries: nothing added.
    expect(withCitation(filtered, [])).toBe(filtered);
    expect(toMarkdown(filtered)).not.toContain('Cite as');
  });
});
