// Text exports: CSV quoting, LaTeX booktabs escaping, Markdown tables, file names, paper sizes.
import { describe, expect, it } from 'vitest';
import { chartFileName } from '../../src/lib/charts/export/file-name.ts';
import { pngSize, preset } from '../../src/lib/charts/export/preset.ts';
import { toCsv, toLatex, toMarkdown } from '../../src/lib/charts/export/table.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';

const spec: ChartSpec = {
  view: 'accuracy',
  title: 'Accuracy by judge',
  data: [
    { judge: 'gpt_4o, "mini"', acc: 0.912345678, lo: 0.9, hi: 0.93 },
    { judge: 'a & b | c', acc: 0.5, lo: null, hi: null },
  ],
  encoding: { mark: 'dot', x: 'acc', y: 'judge', lo: 'lo', hi: 'hi' },
  xLabel: 'Accuracy',
  xUnit: '%',
  yLabel: 'Judge',
  source: { benchmark: 'Bench', benchmarkId: 'bench', table: 'bench.t_1', license: 'CC-BY-4.0' },
};

describe('text exports', () => {
  it('CSV quotes commas and quotes and keeps full precision', () => {
    expect(toCsv(spec)).toBe('Judge,Accuracy (%),CI low,CI high\r\n"gpt_4o, ""mini""",0.912345678,0.9,0.93\r\na & b | c,0.5,,\r\n');
  });

  it('LaTeX uses booktabs rules, escapes specials and aligns numbers right', () => {
    const tex = toLatex(spec);
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('\\midrule');
    expect(tex).toContain('\\bottomrule');
    expect(tex).toContain('\\begin{tabular}{lrrr}');
    expect(tex).toContain('Judge & Accuracy (\\%) & CI low & CI high \\\\');
    expect(tex).toContain('gpt\\_4o, "mini" & 0.9123 & 0.9 & 0.93 \\\\');
    expect(tex).toContain('a \\& b \\textbar{} c');
    expect(tex).toContain('\\texttt{bench.t\\_1}');
  });

  it('Markdown escapes pipes and states the source', () => {
    const md = toMarkdown(spec).split('\n');
    expect(md[0]).toBe('| Judge | Accuracy (%) | CI low | CI high |');
    expect(md[1]).toBe('| --- | ---: | ---: | ---: |');
    expect(md[3]).toBe('| a & b \\| c | 0.5 |  |  |');
    expect(md[5]).toContain('Source: Bench, `bench.t_1` (licence CC-BY-4.0).');
  });

  it('file names carry benchmark, view and date; PNG sizes follow preset × scale', () => {
    expect(chartFileName(spec, 'pdf', '', new Date(2026, 10, 27, 10))).toBe('bench_accuracy_2026-11-27.pdf');
    expect(pngSize(preset('single', 2.5, 8), 1)).toEqual({ width: 312, height: 240 });
    expect(pngSize(preset('double', 3, 9), 3)).toEqual({ width: 1944, height: 864 });
  });
});
