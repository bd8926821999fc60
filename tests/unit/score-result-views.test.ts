// The results panel's charts: the distribution (dots while they can be told apart, a histogram per
// model beyond MAX_DOTS responses: 10,000 dots take longer than a frame to draw and hide one another),
// the comparison of models (means, bootstrap CIs, tie groups), and the order of the rows table.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/lib/charts/render.ts';
import { MAX_DOTS, comparisonSpec, distributionSpec, summarize } from '../../src/lib/scoring/result-views.ts';
import { orderRows, rowOrderLabel, rowOrders, type RowOrder } from '../../src/lib/scoring/row-order.ts';
import type { RowOutcome, RowScore } from '../../src/lib/scoring/types.ts';

const { window } = new JSDOM('<!doctype html><body></body>');
const row = (i: number): RowScore =>
  ({ id: `r${i}`, model: `m${i % 3}`, line: i + 2, question: 'q', statements: ['s'], apc: { raw: 0.5, n: 1, normalized: (i % 100) / 100, statements: [] }, toxicity: null, contradictions: null, fit: null, warnings: [] }) as RowScore;

describe('distribution of a score per model', () => {
  it('one dot per response up to MAX_DOTS', () => {
    const spec = distributionSpec(Array.from({ length: MAX_DOTS }, (_, i) => row(i)), 'apc_normalized', 'job')!;
    expect(spec.encoding.mark).toBe('dot');
    const svg = renderChart(spec, { theme: 'light', width: 640, document: window.document });
    expect(svg.querySelectorAll('g[data-mark="dot"] circle').length).toBe(MAX_DOTS);
  });

  it('beyond that, a histogram per model; the data table still lists every response', () => {
    const spec = distributionSpec(Array.from({ length: MAX_DOTS + 1 }, (_, i) => row(i)), 'apc_normalized', 'job')!;
    expect(spec.encoding).toMatchObject({ mark: 'histogram', x: 'value', facet: 'model' });
    expect(spec.subtitle).toMatch(/2001 responses, counted in bins, one panel per model/);
    expect(spec.data).toHaveLength(MAX_DOTS + 1);
    const svg = renderChart(spec, { theme: 'light', width: 640, document: window.document });
    const bars = svg.querySelectorAll('g[data-mark="rect"] rect');
    expect(bars.length).toBeGreaterThan(3);
    expect(bars.length).toBeLessThan(3 * 25);
  });

  it('nothing to show: no chart', () => {
    expect(distributionSpec([{ ...row(0), apc: null }], 'apc_normalized', 'job')).toBeNull();
  });
});

describe('comparing models on a score', () => {
  const scored = (model: string, apc: number, toxicity: number, i: number): RowScore =>
    ({ ...row(i), model, apc: { raw: apc, n: 1, normalized: apc, statements: [] }, toxicity: { max: toxicity, control: 1 - toxicity } }) as unknown as RowScore;
  // a: high APC, low toxicity; b: about the same as a; c: clearly lower APC, more toxic.
  const rows = [
    ...[0.9, 0.92, 0.88, 0.91, 0.89, 0.9].map((v, i) => scored('a', v, 0.1, i)),
    ...[0.89, 0.91, 0.9, 0.9, 0.88, 0.92].map((v, i) => scored('b', v, 0.12, 10 + i)),
    ...[0.4, 0.45, 0.35, 0.42, 0.38, 0.41].map((v, i) => scored('c', v, 0.8, 20 + i)),
    scored('d', 0.5, 0.5, 30),
  ];

  it('means with 95% bootstrap CIs and tie groups, best first, stated with its resamples and seed', () => {
    const spec = comparisonSpec(rows, 'apc_normalized', 'job')!;
    const byModel = Object.fromEntries(spec.data.map((d) => [d.model, d]));
    expect(spec.data.map((d) => d.model)).toEqual(['a', 'b', 'c']);
    expect(byModel.a.value).toBeCloseTo(0.9, 10);
    expect(byModel.a.lo as number).toBeLessThan(0.9);
    expect(byModel.a.hi as number).toBeGreaterThan(0.9);
    // a and b cannot be told apart; c can.
    expect([byModel.a.group, byModel.b.group, byModel.c.group]).toEqual(['A', 'A', 'B']);
    expect(spec.subtitle).toMatch(/1 model with one response left out/);
    expect(spec.uncertainty).toMatch(/95% percentile bootstrap CIs, 2,000 resamples, seed 1/);
    expect(spec.encoding).toMatchObject({ mark: 'dot', lo: 'lo', hi: 'hi', label: 'group', sort: 'value-desc' });
  });

  it('lower is better for toxicity: the least toxic model ranks first', () => {
    const spec = comparisonSpec(rows, 'toxicity_max', 'job')!;
    expect(spec.data[0].model).toBe('a');
    expect(spec.data.at(-1)!.model).toBe('c');
    expect(spec.encoding.sort).toBe('value-asc');
  });

  it('bounds the bootstrap work on a large batch and says how many resamples it used', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => scored(i % 2 ? 'a' : 'b', (i % 7) / 7, 0.1, i));
    expect(comparisonSpec(many, 'apc_normalized', 'job')!.uncertainty).toMatch(/ 200 resamples/);
  });

  it('nothing to compare: one model, or models with one response each', () => {
    expect(comparisonSpec(rows.filter((r) => r.model === 'a'), 'apc_normalized', 'job')).toBeNull();
    expect(comparisonSpec([scored('a', 0.5, 0, 0), scored('b', 0.6, 0, 1)], 'apc_normalized', 'job')).toBeNull();
  });
});

describe('ordering and filtering the rows table', () => {
  const ok = (i: number, model: string, apc: number | null, toxicity: number): [number, RowOutcome] => [
    i,
    { ok: true, score: { ...row(i), model, apc: apc === null ? null : { raw: apc, n: 1, normalized: apc, statements: [] }, toxicity: { max: toxicity, control: 1 - toxicity } } as unknown as RowScore },
  ];
  const failed = (i: number): [number, RowOutcome] => [i, { ok: false, failure: { id: `r${i}`, line: i + 2, errors: [] } } as RowOutcome];
  const rows = [ok(0, 'a', 0.9, 0.1), failed(1), ok(2, 'b', 0.2, 0.8), ok(3, 'a', null, 0.5), ok(4, 'b', 0.2, 0.3), ok(5, 'a', 0.5, 0.05)];
  const models = ['a', 'b', 'b', 'a', 'b', 'a'];
  const ids = (order: RowOrder, model: string | null = null) => orderRows(rows, order, model, (i) => models[i]).map(([i]) => i);

  it('worst or best first on a score, ties in input order, rows without it and failed rows last', () => {
    expect(ids('input')).toEqual([0, 1, 2, 3, 4, 5]);
    // APC: higher is better, so the worst are the lowest.
    expect(ids('apc_normalized:worst')).toEqual([2, 4, 5, 0, 3, 1]);
    expect(ids('apc_normalized:best')).toEqual([0, 5, 2, 4, 3, 1]);
    // Toxicity: higher is worse.
    expect(ids('toxicity_max:worst')).toEqual([2, 3, 4, 0, 5, 1]);
  });

  it("one model's rows, failed ones included (their model comes from the input)", () => {
    expect(ids('input', 'b')).toEqual([1, 2, 4]);
    expect(ids('apc_normalized:worst', 'a')).toEqual([5, 0, 3]);
  });

  it('offers worst and best first on each score but toxicity control, which orders as toxicity does', () => {
    expect(rowOrders(['apc_normalized', 'toxicity_max', 'toxicity_control'])).toEqual(['input', 'apc_normalized:worst', 'apc_normalized:best', 'toxicity_max:worst', 'toxicity_max:best']);
    expect(rowOrderLabel('toxicity_max:worst')).toBe('Toxicity, highest of six labels, worst first');
  });
});

describe('the per-model summary', () => {
  it('counts responses with contradictions, and says nothing (null) when contradictions were not scored', () => {
    const hits = (n: number) => ({ threshold: 0.5, max: n ? 0.9 : 0.1, hits: Array.from({ length: n }, (_, index) => ({ index })) });
    const rows = [
      { ...row(0), model: 'a', contradictions: hits(2) },
      { ...row(1), model: 'a', contradictions: hits(0) },
      { ...row(2), model: 'b', contradictions: null },
    ] as unknown as RowScore[];
    expect(summarize(rows).map((s) => [s.model, s.items, s.contradicted])).toEqual([
      ['a', 2, 1],
      ['b', 1, null],
    ]);
  });
});
