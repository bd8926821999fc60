// Curated charts of the benchmark pages: each one is a query plus a spec, nothing typed in.
// Runs against any DbClient (browser, or Node in tests), so the same specs serve pages and tests.
import type { DbClient } from '../db/index.ts';
import type { BenchmarkEntry, CellValue } from '../types.ts';
import { bootstrapGroups, DEFAULT_RESAMPLES, DEFAULT_SEED, groupLetters, TIE_LETTERS, uncertaintyNote } from './bootstrap.ts';
import type { ChartRow, ChartSpec } from './spec.ts';
import { licenceText } from '../licence-words.ts';

export interface CuratedChart {
  /** View name: file names, embed links, test hooks. */
  view: string;
  /** Tables it reads (without schema); the chart is offered only when all exist. */
  tables: string[];
  build(db: Pick<DbClient, 'query'>, entry: BenchmarkEntry, signal?: AbortSignal): Promise<ChartSpec>;
}

function source(entry: BenchmarkEntry, tables: string[]): ChartSpec['source'] {
  return {
    benchmark: entry.short,
    benchmarkId: entry.id,
    table: tables.map((t) => `${entry.schema}.${t}`).join(', '),
    license: licenceText(entry.license),
  };
}

const num = (v: CellValue): number => (typeof v === 'number' ? v : Number(v));
const str = (v: CellValue): string => (v === null ? '' : String(v));

const personaGymByTask: CuratedChart = {
  view: 'model-by-task',
  tables: ['scores'],
  async build(db, entry, signal) {
    const { rows } = await db.query(`SELECT model, task, score FROM ${entry.schema}.scores ORDER BY task, model`, { signal });
    return {
      view: this.view,
      title: `${entry.short}: score of each model on each task`,
      subtitle: 'Mean judge score per task as released; only aggregates are released, so no intervals are drawn.',
      data: rows.map((r) => ({ model: str(r.model), task: str(r.task), score: num(r.score) })),
      encoding: { mark: 'heatmap', x: 'task', y: 'model', color: 'score' },
      xLabel: 'Task',
      yLabel: 'Model',
      colorLabel: 'Score (1–5)',
      source: source(entry, this.tables),
      uncertainty: 'aggregates only: no item-level data, no intervals',
      tableColumns: [
        { field: 'model', label: 'Model' },
        { field: 'task', label: 'Task' },
        { field: 'score', label: 'Score (1–5)' },
      ],
    };
  },
};

/** Dot plot of item-level accuracy per group, with bootstrap CIs and tie groups, one panel per facet. */
function bootstrapSpec(
  entry: BenchmarkEntry,
  items: { facet: string; key: string; value: number }[],
  words: { view: string; title: string; keyLabel: string; valueLabel: string; unit: string; facetLabel: string; tables: string[] },
): ChartSpec {
  const facets = [...new Set(items.map((i) => i.facet))];
  const data: ChartRow[] = [];
  for (const facet of facets) {
    const byKey = new Map<string, number[]>();
    for (const i of items) if (i.facet === facet) byKey.set(i.key, [...(byKey.get(i.key) ?? []), i.value]);
    const result = bootstrapGroups([...byKey].map(([key, values]) => ({ key, values })), { resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED });
    for (const e of result.estimates) {
      data.push({ facet, key: e.key, n: e.n, mean: e.mean, lo: e.lo, hi: e.hi, rank: e.rank, group: groupLetters(e.tieGroups) });
    }
  }
  return {
    view: words.view,
    title: words.title,
    subtitle: `Mean over items with a 95% bootstrap interval; ${TIE_LETTERS}.`,
    data,
    encoding: { mark: 'dot', x: 'mean', y: 'key', lo: 'lo', hi: 'hi', label: 'group', facet: 'facet', sort: 'value-desc', domain: [0, 1] },
    xLabel: words.valueLabel,
    xUnit: words.unit,
    yLabel: words.keyLabel,
    source: source(entry, words.tables),
    uncertainty: uncertaintyNote({ resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED, level: 0.95 }),
    tableColumns: [
      { field: 'facet', label: words.facetLabel },
      { field: 'key', label: words.keyLabel },
      { field: 'n', label: 'Items' },
      { field: 'mean', label: `${words.valueLabel} (${words.unit})` },
      { field: 'lo', label: '95% CI low' },
      { field: 'hi', label: '95% CI high' },
      { field: 'rank', label: 'Rank' },
      { field: 'group', label: 'Tie group' },
    ],
  };
}

const judgeAccuracy: CuratedChart = {
  view: 'judge-accuracy',
  tables: ['judgments'],
  async build(db, entry, signal) {
    const { rows } = await db.query(
      `SELECT task, judge, CASE WHEN correct THEN 1 ELSE 0 END AS v FROM ${entry.schema}.judgments WHERE correct IS NOT NULL ORDER BY task, judge, item_id`,
      { signal },
    );
    return bootstrapSpec(
      entry,
      rows.map((r) => ({ facet: str(r.task), key: str(r.judge), value: num(r.v) })),
      {
        view: this.view,
        title: `${entry.short}: accuracy of each judge model, by task`,
        keyLabel: 'Judge model',
        valueLabel: 'Accuracy',
        unit: 'share correct',
        facetLabel: 'Task',
        tables: this.tables,
      },
    );
  },
};

const sppByMethod: CuratedChart = {
  view: 'method-score',
  tables: ['instance_scores'],
  async build(db, entry, signal) {
    const { rows } = await db.query(
      `SELECT task, method, score FROM ${entry.schema}.instance_scores WHERE score IS NOT NULL AND model_setting = $1 ORDER BY task, method, idx`,
      { signal, params: ['gpt4_w_sys_mes'] },
    );
    return bootstrapSpec(
      entry,
      rows.map((r) => ({ facet: str(r.task), key: str(r.method), value: num(r.score) })),
      {
        view: this.view,
        title: `${entry.short}: instance score of each prompting method (GPT-4 with system message), by task`,
        keyLabel: 'Method',
        valueLabel: 'Score',
        unit: '0–1',
        facetLabel: 'Task',
        tables: this.tables,
      },
    );
  },
};

const socialGraph: CuratedChart = {
  view: 'social-graph',
  tables: ['people', 'relationships'],
  async build(db, entry, signal) {
    const people = await db.query(`SELECT person_id, name, CAST(community AS VARCHAR) AS community FROM ${entry.schema}.people ORDER BY person_id`, { signal });
    const links = await db.query(
      `SELECT from_person_id, to_person_id, relationship FROM ${entry.schema}.relationships WHERE from_person_id IS NOT NULL AND to_person_id IS NOT NULL`,
      { signal },
    );
    return {
      view: this.view,
      title: `${entry.short}: the social graph of the synthetic people`,
      subtitle: `${people.rows.length} people, ${links.rows.length} relationships; colour is the community.`,
      data: people.rows.map((r) => ({ id: str(r.person_id), name: str(r.name), community: `Community ${str(r.community)}` })),
      links: links.rows.map((r) => ({ source: str(r.from_person_id), target: str(r.to_person_id), relationship: str(r.relationship) })),
      encoding: { mark: 'network', x: 'id', label: 'name', color: 'community', source: 'source', target: 'target' },
      xLabel: 'Person',
      source: source(entry, this.tables),
      tableColumns: [
        { field: 'id', label: 'Person id' },
        { field: 'name', label: 'Name' },
        { field: 'community', label: 'Community' },
      ],
    };
  },
};

const memBySessions: CuratedChart = {
  view: 'accuracy-by-sessions',
  tables: ['accuracy_by_sessions'],
  async build(db, entry, signal) {
    const { rows } = await db.query(
      `SELECT model, num_sessions, accuracy, context FROM ${entry.schema}.accuracy_by_sessions
       WHERE row_kind = 'model' AND num_sessions IS NOT NULL ORDER BY model, num_sessions`,
      { signal },
    );
    const contexts = [...new Set(rows.map((r) => str(r.context)))].join(', ');
    return {
      view: this.view,
      title: `${entry.short}: accuracy by number of sessions, one panel per model`,
      subtitle: `Context ${contexts}. Aggregates as released: no item-level data, so no intervals are drawn.`,
      data: rows.map((r) => ({ model: str(r.model), sessions: num(r.num_sessions), accuracy: num(r.accuracy) })),
      encoding: { mark: 'line', x: 'sessions', y: 'accuracy', facet: 'model', domain: [0, 1] },
      xLabel: 'Sessions',
      xUnit: 'count',
      yLabel: 'Accuracy',
      yUnit: 'share',
      source: source(entry, this.tables),
      uncertainty: 'aggregates only: no intervals',
    };
  },
};

// PersonaBench releases no per-model answers (its evaluation script writes them locally), so the model
// results are the paper's Table 4 aggregates: drawn as points, with the reason there are no intervals.
const personaBenchEndToEnd: CuratedChart = {
  view: 'end-to-end',
  tables: ['end_to_end_results'],
  async build(db, entry, signal) {
    const { rows } = await db.query(
      `SELECT model, retriever, metric, noise_ratio, value FROM ${entry.schema}.end_to_end_results
       WHERE question_category = $1 AND value IS NOT NULL ORDER BY metric DESC, model, retriever`,
      { signal, params: ['Overall'] },
    );
    const noise = [...new Set(rows.map((r) => num(r.noise_ratio)))].join(', ');
    return {
      view: this.view,
      title: `${entry.short}: end-to-end answer quality of each model, by retriever`,
      subtitle: `Overall recall and F1 at noise ratio ${noise}, as printed in the paper; only aggregates are released (no per-question answers), so no intervals are drawn.`,
      data: rows.map((r) => ({ metric: str(r.metric), model: str(r.model), retriever: str(r.retriever), value: num(r.value) })),
      encoding: { mark: 'dot', x: 'value', y: 'model', color: 'retriever', facet: 'metric', domain: [0, 1] },
      xLabel: 'Value',
      xUnit: 'score 0–1',
      yLabel: 'Model',
      colorLabel: 'Retriever',
      source: source(entry, this.tables),
      uncertainty: 'aggregates only: no intervals',
      tableColumns: [
        { field: 'metric', label: 'Metric' },
        { field: 'model', label: 'Model' },
        { field: 'retriever', label: 'Retriever' },
        { field: 'value', label: 'Value (0–1)' },
      ],
    };
  },
};

const BY_BENCHMARK: Record<string, CuratedChart[]> = {
  personagym: [personaGymByTask],
  'personalized-judge': [judgeAccuracy],
  personabench: [personaBenchEndToEnd, socialGraph],
  personamem: [memBySessions],
  spp: [sppByMethod],
};

/** Curated charts for a benchmark whose tables are all shipped. */
export function curatedChartsFor(entry: BenchmarkEntry): CuratedChart[] {
  const names = new Set(entry.tables.map((t) => t.name));
  return (BY_BENCHMARK[entry.id] ?? []).filter((c) => c.tables.every((t) => names.has(t)));
}

/** Find one curated chart by benchmark and view (embeds, tests). */
/** The curated chart a spec was drawn as (by its benchmark and view), if it is one: its rows are fixed. */
export function curatedChartOf(spec: Pick<ChartSpec, 'view' | 'source'>): CuratedChart | undefined {
  return (BY_BENCHMARK[spec.source.benchmarkId] ?? []).find((c) => c.view === spec.view);
}

export function findCuratedChart(entry: BenchmarkEntry, view: string): CuratedChart | undefined {
  return curatedChartsFor(entry).find((c) => c.view === view);
}
