// Scored rows → what the results panel shows: per-model summaries, the distribution chart of a
// chosen score per model, and the APC heat map (persona statements × responses). Pure functions of
// the saved outcomes; chart specs go through the site's one chart renderer.
import { bootstrapGroups, DEFAULT_RESAMPLES, groupLetters, TIE_LETTERS, uncertaintyNote } from '../charts/bootstrap.ts';
import type { ChartRow, ChartSpec } from '../charts/spec.ts';
import type { RowScore } from './types.ts';

export type ScoreMetric = 'apc_normalized' | 'toxicity_max' | 'toxicity_control' | 'contradiction_max' | 'fit_persona';

export const METRICS: Record<ScoreMetric, { label: string; unit: string; higherIsBetter: boolean; value: (s: RowScore) => number | null }> = {
  apc_normalized: { label: 'APC / n (persona faithfulness)', unit: '0–1, higher = more faithful', higherIsBetter: true, value: (s) => s.apc?.normalized ?? null },
  toxicity_max: { label: 'Toxicity, highest of six labels', unit: '0–1, higher = more toxic', higherIsBetter: false, value: (s) => s.toxicity?.max ?? null },
  toxicity_control: { label: 'Toxicity control (derived: 1 − max)', unit: '0–1, higher = less toxic', higherIsBetter: true, value: (s) => s.toxicity?.control ?? null },
  contradiction_max: { label: 'Highest contradiction probability', unit: '0–1', higherIsBetter: false, value: (s) => s.contradictions?.max ?? null },
  fit_persona: { label: 'Persona–response fit (cosine)', unit: '−1–1', higherIsBetter: true, value: (s) => s.fit?.persona ?? null },
};

/** The source line of every chart of your own scores. */
const SOURCE = { benchmark: 'Your scores', benchmarkId: 'mine', table: 'mine.scores', license: 'yours (scored in this browser)' };

export interface ModelSummary {
  model: string;
  items: number;
  /** Mean of each metric over the items that have it (null when none do). */
  means: Record<ScoreMetric, number | null>;
  /** Items with at least one flagged contradiction; null when contradictions were not scored. */
  contradicted: number | null;
}

export const modelName = (s: Pick<RowScore, 'model'>) => s.model ?? '(no model)';

export function summarize(scores: readonly RowScore[]): ModelSummary[] {
  const tallies = new Map<string, ModelTally>();
  for (const s of scores) tallyOf(tallies, modelName(s)).add(s);
  return [...tallies.values()].map((t) => t.summary());
}

const METRIC_KEYS = Object.keys(METRICS) as ScoreMetric[];

/** One model's running sums: a summary from them costs the same after ten rows or ten thousand. */
export class ModelTally {
  private items = 0;
  private readonly sums = new Map<ScoreMetric, { sum: number; n: number }>(METRIC_KEYS.map((m) => [m, { sum: 0, n: 0 }]));
  private checked = 0;
  private contradicted = 0;

  constructor(readonly model: string) {}

  add(score: RowScore): void {
    this.items++;
    for (const m of METRIC_KEYS) {
      const v = METRICS[m].value(score);
      if (v === null) continue;
      const s = this.sums.get(m)!;
      s.sum += v;
      s.n++;
    }
    if (score.contradictions) {
      this.checked++;
      if (score.contradictions.hits.length > 0) this.contradicted++;
    }
  }

  summary(): ModelSummary {
    const means = {} as Record<ScoreMetric, number | null>;
    for (const [m, { sum, n }] of this.sums) means[m] = n ? sum / n : null;
    return { model: this.model, items: this.items, means, contradicted: this.checked ? this.contradicted : null };
  }
}

/** The model's tally in `tallies`, added (after those there) when new. */
export function tallyOf(tallies: Map<string, ModelTally>, model: string): ModelTally {
  let t = tallies.get(model);
  if (!t) tallies.set(model, (t = new ModelTally(model)));
  return t;
}

/** Above this many responses, dots hide one another and take long to draw: counts per bin instead. */
export const MAX_DOTS = 2000;

/**
 * The distribution of a metric per model: one dot per response, one row of dots per model; for a
 * batch of more than MAX_DOTS responses, a histogram per model. The data table lists every response.
 */
export function distributionSpec(scores: readonly RowScore[], metric: ScoreMetric, jobLabel: string): ChartSpec | null {
  const m = METRICS[metric];
  const data: ChartRow[] = [];
  for (const s of scores) {
    const v = m.value(s);
    if (v !== null) data.push({ model: modelName(s), value: v, id: s.id });
  }
  if (data.length === 0) return null;
  const binned = data.length > MAX_DOTS;
  return {
    view: `scores-${metric}`,
    data,
    encoding: binned
      ? { mark: 'histogram', x: 'value', bins: 20, facet: 'model' }
      : { mark: 'dot', x: 'value', y: 'model', color: 'model', sort: 'none', ...(metric === 'fit_persona' ? {} : { domain: [0, 1] as [number, number] }) },
    title: `${m.label} per model`,
    subtitle: `${jobLabel}: ${data.length} responses, ${binned ? 'counted in bins, one panel per model' : 'one dot each'}`,
    xLabel: m.label,
    xUnit: m.unit,
    yLabel: binned ? 'Responses' : 'Model',
    source: SOURCE,
    uncertainty: 'scored with small general-purpose models, not the papers’ judges',
    tableColumns: [
      { field: 'id', label: 'Item' },
      { field: 'model', label: 'Model' },
      { field: 'value', label: m.label },
    ],
  };
}

/** Resamples × responses stays under this, so a large batch is compared within a frame; the count used is stated on the chart. */
const BOOTSTRAP_DRAWS = 600_000;
const MIN_RESAMPLES = 200;

/**
 * Which models differ on a metric: each model's mean with its 95% percentile bootstrap CI (seeded)
 * and its tie group, as on the leaderboards. Null unless two models have two responses or more.
 */
export function comparisonSpec(scores: readonly RowScore[], metric: ScoreMetric, jobLabel: string): ChartSpec | null {
  const m = METRICS[metric];
  const byModel = new Map<string, number[]>();
  for (const s of scores) {
    const v = m.value(s);
    if (v === null) continue;
    const key = modelName(s);
    const values = byModel.get(key);
    if (values) values.push(v);
    else byModel.set(key, [v]);
  }
  const groups = [...byModel].filter(([, values]) => values.length >= 2).map(([key, values]) => ({ key, values }));
  if (groups.length < 2) return null;
  const left = byModel.size - groups.length;
  const total = groups.reduce((n, g) => n + g.values.length, 0);
  const resamples = Math.max(MIN_RESAMPLES, Math.min(DEFAULT_RESAMPLES, Math.floor(BOOTSTRAP_DRAWS / total)));
  const result = bootstrapGroups(groups, { resamples, higherIsBetter: m.higherIsBetter });
  const data: ChartRow[] = result.estimates.map((e) => ({ model: e.key, items: e.n, value: e.mean, lo: e.lo, hi: e.hi, rank: e.rank, group: groupLetters(e.tieGroups) }));
  return {
    view: `scores-${metric}-means`,
    data,
    encoding: { mark: 'dot', x: 'value', y: 'model', lo: 'lo', hi: 'hi', label: 'group', sort: m.higherIsBetter ? 'value-desc' : 'value-asc' },
    title: `${m.label}: mean per model`,
    subtitle: `${jobLabel}: mean over each model's responses with a 95% bootstrap interval; ${TIE_LETTERS}${left ? `; ${left} model${left > 1 ? 's' : ''} with one response left out` : ''}`,
    xLabel: m.label,
    xUnit: m.unit,
    yLabel: 'Model',
    source: SOURCE,
    uncertainty: `${uncertaintyNote(result)}; scored with small general-purpose models, not the papers’ judges`,
    tableColumns: [
      { field: 'model', label: 'Model' },
      { field: 'items', label: 'Responses' },
      { field: 'value', label: `Mean ${m.label}` },
      { field: 'lo', label: '95% CI low' },
      { field: 'hi', label: '95% CI high' },
      { field: 'rank', label: 'Rank' },
      { field: 'group', label: 'Tie group' },
    ],
  };
}

/** Rows scored against the same persona statements as `anchor` (the heat map's columns). */
export function samePersona(scores: readonly RowScore[], anchor: RowScore): RowScore[] {
  const key = JSON.stringify(anchor.statements);
  return scores.filter((s) => s.apc && JSON.stringify(s.statements) === key);
}

/** Truncated statement label for an axis: "3. Loves hiking in …". */
function statementLabel(index: number, text: string): string {
  const t = text.length > 48 ? `${text.slice(0, 47)}…` : text;
  return `${index + 1}. ${t}`;
}

/**
 * APC heat map: one row per persona statement, one column per response (at most `maxColumns`),
 * coloured by the statement's contribution (1 = constraint satisfied, 0 = violated).
 */
export function apcHeatmapSpec(rows: readonly RowScore[], jobLabel: string, maxColumns = 40): ChartSpec | null {
  const shown = rows.filter((r) => r.apc).slice(0, maxColumns);
  if (shown.length === 0) return null;
  const data: ChartRow[] = [];
  for (const r of shown) {
    for (const st of r.apc!.statements) {
      data.push({ response: r.id, statement: statementLabel(st.index, st.statement), contribution: st.contribution, model: modelName(r) });
    }
  }
  // Statements in persona order, top to bottom.
  data.sort((a, b) => parseInt(String(a.statement), 10) - parseInt(String(b.statement), 10));
  const cut = rows.length > shown.length ? ` (first ${shown.length} of ${rows.length})` : '';
  return {
    view: 'apc-heatmap',
    data,
    encoding: { mark: 'heatmap', x: 'response', y: 'statement', color: 'contribution', scheme: 'sequential', domain: [0, 1], decimals: 2 },
    title: 'APC: how far each response satisfies each persona statement',
    subtitle: `${jobLabel}: ${shown.length} responses${cut}`,
    xLabel: 'Response (item id)',
    yLabel: 'Persona statement',
    colorLabel: 'Contribution (0–1)',
    source: SOURCE,
    uncertainty: 'contribution = P_rel·P_ent + (1 − P_rel)·(1 − P_con), per statement',
  };
}
