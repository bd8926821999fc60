// Chart builder over more rows than it reads (Node engine, built data): aggregates and histogram bins
// are DuckDB's over every row the filters keep, and equal what the JS path draws from all the rows.
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { builderInput, readSample } from '../../src/lib/charts/builder-data.ts';
import { DEFAULT_BINS, thresholdsOver } from '../../src/lib/charts/export/histogram-bins.ts';
import { builderSpec, type BuilderState } from '../../src/lib/charts/builder.ts';
import { queryTable } from '../../src/lib/explore/query-table.ts';
import { EMPTY_TABLE_STATE, type TableViewState } from '../../src/lib/state/url-state.ts';
import type { TableInfo } from '../../src/lib/types.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const db = sharedDb();
const papi = builtCatalog().benchmarks.find((b) => b.id === 'papi')!;
const answers = papi.tables.find((t) => t.name === 'answers')! as TableInfo;
const source = { benchmark: 'PAPI', benchmarkId: 'papi', table: 'papi.answers', license: 'x' };
const HISTOGRAM: BuilderState = { mark: 'histogram', x: 'subject_id', y: '', color: '', facet: '', aggregate: 'none', sort: 'none' };

/** The spec the builder draws with `limit` rows read. */
async function specWith(table: TableInfo, state: BuilderState, limit: number, filters: TableViewState = EMPTY_TABLE_STATE) {
  const sample = await readSample(db, table, filters, limit);
  const input = await builderInput(db, table, filters, state, sample);
  return { sample, spec: builderSpec(state, input.rows, source, table.title, null, input.drawnFrom) };
}

/** Plot's own bins (non-empty ones) of the values, as render.ts asks for them. */
function plotBins(values: number[]): { lo: number; hi: number; n: number }[] {
  const mark = Plot.rectY(values.map((v) => ({ v })), Plot.binX({ y: 'count' }, { x: { value: 'v', thresholds: 20 } })) as unknown as {
    initialize(): { channels: Record<string, { value: number[] }> };
  };
  const { x1, x2, y1, y2 } = mark.initialize().channels;
  return x1.value.map((lo, i) => ({ lo, hi: x2.value[i], n: y2.value[i] - y1.value[i] }));
}

describe('chart builder over more rows than it reads', () => {
  it('papi.answers is over the builder limit', () => {
    expect(answers.rows).toBeGreaterThan(20_000);
  });

  it('counts a histogram of every row into the bins Plot chooses', async () => {
    const { sample, spec } = await specWith(answers, HISTOGRAM, 20_000);
    expect(sample.rows).toHaveLength(20_000);
    expect(sample.total).toBe(answers.rows);
    expect(spec.title).toBe(`${answers.title}: distribution of subject_id`);
    expect(spec.subtitle).toBeUndefined();
    const values = (await db.query('SELECT subject_id::DOUBLE AS v FROM papi.answers WHERE subject_id IS NOT NULL')).rows.map((r) => Number(r.v));
    const drawn = spec.data.map((r) => ({ lo: Number(r.subject_id), hi: Number(r.subject_id_to), n: Number(r.count) }));
    expect(drawn.filter((b) => b.n > 0)).toEqual(plotBins(values));
    expect(drawn.reduce((s, b) => s + b.n, 0)).toBe(values.length);
    // The last subject is in the chart (the first 20,000 rows stop at subject 67).
    const [last] = (await db.query('SELECT max(subject_id)::DOUBLE AS m FROM papi.answers')).rows;
    expect(drawn.some((b) => b.n > 0 && b.lo <= Number(last.m) && Number(last.m) < b.hi)).toBe(true);
  });

  it('bins only the rows the filters keep, by colour, with empty bins as 0', async () => {
    const filters: TableViewState = { ...EMPTY_TABLE_STATE, ranges: { subject_id: { min: 10, max: 400 } } };
    const state: BuilderState = { ...HISTOGRAM, x: 'item_no', color: 'answer' };
    const { spec } = await specWith(answers, state, 1_000, filters);
    const [truth] = (await db.query('SELECT count(*)::INTEGER AS n, count(DISTINCT answer)::INTEGER AS colours FROM papi.answers WHERE subject_id BETWEEN 10 AND 400 AND item_no IS NOT NULL AND answer IS NOT NULL')).rows;
    expect(spec.data.reduce((s, r) => s + Number(r.count), 0)).toBe(truth.n);
    const bins = new Set(spec.data.map((r) => r.item_no)).size;
    expect(spec.data).toHaveLength(bins * Number(truth.colours));
    expect(spec.encoding).toMatchObject({ mark: 'bar', x: 'item_no', y: 'count', color: 'answer', stack: true });
    expect(spec.title).toBe(`${answers.title}: distribution of item_no by answer`);
  });

  it('aggregates every row in DuckDB as the JS path does from all of them', async () => {
    for (const aggregate of ['mean', 'sum', 'count'] as const) {
      const state: BuilderState = { mark: 'bar', x: 'item_no', y: 'answer', color: '', facet: '', aggregate, sort: 'none' };
      const reduced = await specWith(answers, state, 20_000);
      const all = await specWith(answers, state, 100_000);
      expect(all.sample.rows).toHaveLength(answers.rows);
      const field = aggregate === 'count' ? 'count' : 'answer';
      expect(reduced.spec.data.map((r) => r.item_no)).toEqual(all.spec.data.map((r) => r.item_no));
      reduced.spec.data.forEach((r, i) => expect(Number(r[field])).toBeCloseTo(Number(all.spec.data[i][field]), 9));
      expect({ ...reduced.spec, data: [] }).toEqual({ ...all.spec, data: [] });
    }
    const [truth] = (await db.query('SELECT avg(answer) AS m FROM papi.answers WHERE item_no = 3')).rows;
    const { spec } = await specWith(answers, { mark: 'bar', x: 'item_no', y: 'answer', color: '', facet: '', aggregate: 'mean', sort: 'none' }, 10);
    expect(Number(spec.data.find((r) => r.item_no === '3')!.answer)).toBeCloseTo(Number(truth.m), 12);
  });

  it('groups a query result in the order of its rows', async () => {
    const table = await queryTable(db, 'SELECT subject_id % 7 AS g, answer FROM papi.answers ORDER BY subject_id DESC');
    const state: BuilderState = { mark: 'line', x: 'g', y: 'answer', color: '', facet: '', aggregate: 'mean', sort: 'none' };
    const reduced = await specWith(table, state, 50);
    const all = await specWith(table, state, 100_000);
    expect(reduced.spec.data.map((r) => r.g)).toEqual(all.spec.data.map((r) => r.g));
    reduced.spec.data.forEach((r, i) => expect(Number(r.answer)).toBeCloseTo(Number(all.spec.data[i].answer), 9));
  });

  it('draws raw rows from the first ones and says so in the chart', async () => {
    const state: BuilderState = { mark: 'scatter', x: 'subject_id', y: 'answer', color: '', facet: '', aggregate: 'none', sort: 'none' };
    const { spec } = await specWith(answers, state, 20_000);
    expect(spec.data).toHaveLength(20_000);
    expect(spec.subtitle).toBe(`First 20,000 of ${answers.rows.toLocaleString('en-US')} rows (the rest are not drawn)`);
    const small = await specWith(answers, state, 20_000, { ...EMPTY_TABLE_STATE, ranges: { subject_id: { min: 1, max: 3 } } });
    expect(small.spec.subtitle).toBeUndefined();
  });

  it('picks Plot thresholds for fractional and collapsed ranges', () => {
    for (const [lo, hi] of [[0.3, 0.9], [-2.5, 1e-3], [0.001, 0.0043]]) {
      const t = thresholdsOver(lo, hi, DEFAULT_BINS);
      for (const bin of plotBins([lo, hi])) expect(t[t.indexOf(bin.lo) + 1]).toBe(bin.hi);
      expect(t[0]).toBe(plotBins([lo, hi])[0].lo);
    }
    expect(thresholdsOver(5, 5, DEFAULT_BINS)).toEqual([5]);
  });
});
