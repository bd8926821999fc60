// Text exports: CSV quoting, LaTeX booktabs escaping, Markdown tables, file names, paper sizes.
import { describe, expect, it } from 'vitest';
import { exportFileName, pngSize, preset } from '../../src/lib/charts/export/preset.ts';
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
    expect(toCsv(spec)).toBe('Accuracy (%),Judge,CI low,CI high\r\n0.912345678,"gpt_4o, ""mini""",0.9,0.93\r\n0.5,a & b | c,,\r\n');
  });

  it('LaTeX uses booktabs rules, escapes specials and aligns numbers right', () => {
    const tex = toLatex(spec);
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('\\midrule');
    expect(tex).toContain('\\bottomrule');
    expect(tex).toContain('\\begin{tabular}{rlrr}');
    expect(tex).toContain('Accuracy (\\%) & Judge & CI low & CI high \\\\');
    expect(tex).toContain('0.9123 & gpt\\_4o, "mini" & 0.9 & 0.93 \\\\');
    expect(tex).toContain('a \\& b | c');
    expect(tex).toContain('\\texttt{bench.t\\_1}');
  });

  it('Markdown escapes pipes and states the source', () => {
    const md = toMarkdown(spec).split('\n');
    expect(md[0]).toBe('| Accuracy (%) | Judge | CI low | CI high |');
    expect(md[1]).toBe('| ---: | --- | ---: | ---: |');
    expect(md[3]).toBe('| 0.5 | a & b \\| c |  |  |');
    expect(md[5]).toContain('Source: Bench, `bench.t_1` (licence CC-BY-4.0).');
  });

  it('file names carry benchmark, view and date; PNG sizes follow preset × scale', () => {
    expect(exportFileName('personalized-judge', 'Accuracy by judge', 'pdf', new Date('2026-11-27T10:00:00Z'))).toBe('personalized-judge_accuracy-by-judge_2026-11-27.pdf');
    expect(pngSize(preset('single', 2.5, 8), 1)).toEqual({ width: 312, height: 240 });
    expect(pngSize(preset('double', 3, 9), 3)).toEqual({ width: 1944, height: 864 });
  });
});
