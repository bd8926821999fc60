// The LaTeX table export compiles with pdflatex in a two-column paper and fits its column: a wide
// table (long headers, many columns) is scaled down to the column, a narrow one keeps its size.
// Needs pdflatex (TeX Live); skipped where it is not installed, the text is checked in any case.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { toLatex } from '../../src/lib/charts/export/table.ts';

const source = { benchmark: 'Personalized Judge', benchmarkId: 'personalized-judge', table: 'personalized_judge.judgments', license: 'MIT' };
const models = ['command-r-plus', 'meta-llama_Meta-Llama-3-70B-Instruct', 'gpt-4o', 'gpt-3.5-turbo'];

/** Like the judge-accuracy chart: eight columns, long headers and model names (259 pt over a column before). */
const wide: ChartSpec = {
  view: 'judge-accuracy',
  title: 'Accuracy of each judge model, by task',
  data: models.map((model, i) => ({ task: 'PRISM', model, items: 1001 - i, accuracy: 0.9 - i / 10, lo: 0.85 - i / 10, hi: 0.95 - i / 10, rank: i + 1, group: 'AB'[i % 2] })),
  encoding: { mark: 'dot', x: 'accuracy', y: 'model', lo: 'lo', hi: 'hi', label: 'group' },
  xLabel: 'Accuracy',
  yLabel: 'Judge model',
  tableColumns: [
    { field: 'task', label: 'Task' },
    { field: 'model', label: 'Judge model' },
    { field: 'items', label: 'Items' },
    { field: 'accuracy', label: 'Accuracy (share correct)' },
    { field: 'lo', label: '95% CI low' },
    { field: 'hi', label: '95% CI high' },
    { field: 'rank', label: 'Rank' },
    { field: 'group', label: 'Tie group' },
  ],
  source,
};
const narrow: ChartSpec = { ...wide, view: 'narrow', tableColumns: [{ field: 'rank', label: 'Rank' }, { field: 'group', label: 'Tie' }] };

const hasPdflatex = spawnSync('pdflatex', ['--version'], { stdio: 'ignore' }).status === 0;

/** pdflatex's log of the snippets in a two-column article (IEEE-like column width). */
function compile(snippets: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'latex-fit-'));
  try {
    const doc = ['\\documentclass[twocolumn]{article}', '\\usepackage[T1]{fontenc}', '\\usepackage{booktabs}', '\\usepackage{graphicx}', '\\begin{document}', ...snippets, '\\end{document}'].join('\n');
    fs.writeFileSync(path.join(dir, 'paper.tex'), doc);
    execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], { cwd: dir, stdio: 'ignore', timeout: 60_000 });
    return fs.readFileSync(path.join(dir, 'paper.log'), 'latin1');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('LaTeX table width', () => {
  it('says which packages it needs, and scales the table down only when it is wider than the column', () => {
    const tex = toLatex(wide);
    expect(tex.split('\n')[0]).toMatch(/^% Needs \\usepackage\{booktabs\} and \\usepackage\{graphicx\}\. A table wider than the column is scaled down/);
    expect(tex).toContain('\\ifdim\\wd0>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox0}\\else\\usebox0\\fi');
  });

  it.skipIf(!hasPdflatex)('compiles with pdflatex, and no table runs past its column', () => {
    const log = compile([toLatex(wide), toLatex(narrow)]);
    expect(log).not.toMatch(/Overfull \\hbox/);
    expect(log).toMatch(/Output written on paper\.pdf \(1 page/);
  });
});
