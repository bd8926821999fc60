// The results panel's distribution chart: dots while they can be told apart, a histogram per model
// beyond MAX_DOTS responses (10,000 dots take longer than a frame to draw and hide one another).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/lib/charts/render.ts';
import { MAX_DOTS, distributionSpec } from '../../src/lib/scoring/result-views.ts';
import type { RowScore } from '../../src/lib/scoring/types.ts';

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
