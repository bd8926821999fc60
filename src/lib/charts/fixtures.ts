// Synthetic fixtures, one per chart type, for tests, the fixture page and the bench.
// Values are drawn from a seeded generator and labelled "Fixture": they are not data.
import { mulberry32 } from './bootstrap.ts';
import type { ChartRow, ChartSpec } from './spec.ts';

const SOURCE = { benchmark: 'Fixture', benchmarkId: 'fixture', table: 'fixture.synthetic', license: 'CC0-1.0' };

function rows(n: number, make: (i: number, r: () => number) => ChartRow, seed = 7): ChartRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => make(i, random));
}

const MODELS = ['Model A', 'Model B', 'Model C', 'Model D'];
const TASKS = ['Task 1', 'Task 2', 'Task 3'];

export function chartFixtures(): ChartSpec[] {
  const byModel = rows(MODELS.length, (i, r) => {
    const v = 0.5 + r() * 0.4;
    return { model: MODELS[i], value: v, lo: v - 0.05, hi: v + 0.05, group: String.fromCharCode(65 + Math.floor(i / 2)) };
  });
  const grid = MODELS.flatMap((model) => TASKS.map((task) => ({ model, task }))).map((d, i) => ({ ...d, value: Number((1 + mulberry32(i + 1)() * 4).toFixed(2)) }));
  const series = ['S1', 'S2'].flatMap((s, k) => rows(8, (i, r) => ({ series: s, step: i + 1, value: 0.4 + k * 0.1 + r() * 0.2 }), k + 3));
  const points = rows(12, (i, r) => ({ name: `P${i + 1}`, a: r() * 10, b: r() * 10, kind: i % 2 ? 'odd' : 'even' }));
  const samples = rows(200, (_, r) => ({ v: (r() + r() + r()) / 3 }));
  const nodes = rows(10, (i) => ({ id: `n${i}`, name: `Node ${i}`, community: i < 5 ? 'C1' : 'C2' }));
  const links = [...Array(9).keys()].filter((i) => i !== 4).map((i) => ({ source: `n${i}`, target: `n${i + 1}` }));
  const common = { source: SOURCE, xLabel: 'x', yLabel: 'y' };
  return [
    { ...common, view: 'bar', title: 'Bars with error bars', data: byModel, encoding: { mark: 'bar', x: 'model', y: 'value', lo: 'lo', hi: 'hi', sort: 'value-desc' }, yUnit: 'share', uncertainty: 'fixture intervals' },
    { ...common, view: 'dot', title: 'Dots with intervals and tie groups', data: byModel, encoding: { mark: 'dot', x: 'value', y: 'model', lo: 'lo', hi: 'hi', label: 'group', sort: 'value-desc' } },
    { ...common, view: 'grouped', title: 'Grouped bars', data: grid, encoding: { mark: 'bar', x: 'task', y: 'value', color: 'model' }, colorLabel: 'Model' },
    { ...common, view: 'stacked', title: 'Stacked bars', data: grid, encoding: { mark: 'bar', x: 'task', y: 'value', color: 'model', stack: true } },
    { ...common, view: 'heatmap', title: 'Heatmap', data: grid, encoding: { mark: 'heatmap', x: 'task', y: 'model', color: 'value' }, colorLabel: 'Score' },
    { ...common, view: 'line', title: 'Lines with markers', data: series, encoding: { mark: 'line', x: 'step', y: 'value', color: 'series' } },
    { ...common, view: 'scatter', title: 'Scatter with labels', data: points, encoding: { mark: 'scatter', x: 'a', y: 'b', color: 'kind', label: 'name' } },
    { ...common, view: 'histogram', title: 'Histogram', data: samples, encoding: { mark: 'histogram', x: 'v', bins: 10 } },
    { ...common, view: 'facets', title: 'Small multiples', data: grid, encoding: { mark: 'bar', x: 'task', y: 'value', facet: 'model' } },
    { ...common, view: 'network', title: 'Network', data: nodes, links, encoding: { mark: 'network', x: 'id', label: 'name', color: 'community', source: 'source', target: 'target' } },
  ];
}

/** A scatter of `n` seeded points: the speed check (10,000 marks must render in under 200 ms). */
export function largeScatter(n: number): ChartSpec {
  return {
    view: 'large-scatter',
    title: `${n.toLocaleString('en-US')} points`,
    data: rows(n, (_, r) => ({ a: r(), b: r() })),
    encoding: { mark: 'scatter', x: 'a', y: 'b' },
    xLabel: 'a',
    yLabel: 'b',
    source: SOURCE,
  };
}
