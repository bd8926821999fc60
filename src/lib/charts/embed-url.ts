// Embed links and permalinks of charts. A curated chart: embed.html?b=<benchmark>&view=<view>; a
// chart-builder chart on a catalog table: embed.html?b=<benchmark or main>&table=<table>&chart.…, with
// the table's filters (q, facet.…, range.…) when it charts only the rows they keep; one on a SQL
// result: embed.html?sql=<query>&chart.…, with the result page's filters likewise; a leaderboard of
// released results: embed.html?b=<benchmark>&metric=<metric>&subset=<subset>. Each takes
// &theme=auto|light|dark.
import { resultHref } from '../console/result-link.ts';
import { joinHash, parseTableState, writeTableState, type TableViewState } from '../state/url-state.ts';
import { routeHref } from '../state/router.ts';
import { CHART_PARAM } from './chart-anchor.ts';
import { readBuilderState, writeBuilderState, type BuilderState } from './builder.ts';
import type { ThemeName } from './theme.ts';

export type EmbedTheme = ThemeName | 'auto';

export type EmbedChart =
  | { kind: 'curated'; benchmark: string; view: string }
  /** One leaderboard (main.results): its released rows only, never the visitor's uploads. */
  | { kind: 'board'; benchmark: string; metric: string; subset: string }
  | {
      kind: 'table';
      /** Benchmark id, or "main" for the shared tables (as in the site's table route). */
      benchmark: string;
      table: string;
      state: BuilderState;
      /** The table browser's filters: the chart is of the rows they keep (sort plays no part). */
      filters: TableViewState;
    }
  | {
      kind: 'query';
      sql: string;
      state: BuilderState;
      /** The result page's table browser filters, as for a table. */
      filters: TableViewState;
    };

export interface EmbedTarget {
  chart: EmbedChart;
  theme: EmbedTheme;
}

/** Absolute embed URL for a chart; `siteRoot` is the site's base URL (origin + base path). */
export function embedUrl(siteRoot: string, chart: EmbedChart, theme: EmbedTheme): string {
  const url = new URL('embed.html', siteRoot);
  const q = url.searchParams;
  if (chart.kind === 'query') q.set('sql', chart.sql);
  else q.set('b', chart.benchmark);
  if (chart.kind === 'curated') q.set('view', chart.view);
  if (chart.kind === 'board') {
    q.set('metric', chart.metric);
    q.set('subset', chart.subset);
  }
  if (chart.kind === 'table') q.set('table', chart.table);
  if (chart.kind === 'table' || chart.kind === 'query') {
    writeTableState(chart.filters, q);
    writeBuilderState(chart.state, q);
  }
  q.set('theme', theme);
  return url.toString();
}

/** The site page a chart lives on (hash route, state included): the embed's link back, and its permalink. */
export function chartPageHash(chart: EmbedChart): string {
  switch (chart.kind) {
    case 'curated':
      // Names the chart, so the page lands on it rather than at the top of a long page.
      return joinHash(routeHref({ page: 'benchmark', id: chart.benchmark }).slice(1), new URLSearchParams({ [CHART_PARAM]: chart.view }));
    case 'board':
      return joinHash(routeHref({ page: 'leaderboard' }).slice(1), new URLSearchParams({ benchmark: chart.benchmark, metric: chart.metric, subset: chart.subset }));
    case 'table':
      return joinHash(routeHref({ page: 'table', id: chart.benchmark, table: chart.table }).slice(1), writeBuilderState(chart.state, writeTableState(chart.filters)));
    case 'query':
      return resultHref({ sql: chart.sql, table: chart.filters, chart: chart.state });
  }
}

/** Absolute URL of the chart's page on the site. */
export function chartPageUrl(siteRoot: string, chart: EmbedChart): string {
  return new URL(chartPageHash(chart), siteRoot).toString();
}

/** Read an embed URL's query; a clear message names what is missing or wrong. */
export function parseEmbedQuery(search: string): EmbedTarget | { error: string } {
  const q = new URLSearchParams(search);
  const theme = q.get('theme') ?? 'auto';
  if (theme !== 'auto' && theme !== 'light' && theme !== 'dark') return { error: `Unknown theme “${theme}” in the embed link: use auto, light or dark.` };
  const sql = q.get('sql');
  const benchmark = q.get('b');
  const table = q.get('table');
  if (sql !== null || table !== null) {
    const state = readBuilderState(q);
    if (state === null) return { error: 'The embed link has no chart (the “chart.mark” parameter).' };
    if ('error' in state) return state;
    const filters = { ...parseTableState(q), sort: null };
    if (sql !== null) return sql.trim() ? { chart: { kind: 'query', sql, state, filters }, theme } : { error: 'The embed link’s query (the “sql” parameter) is empty.' };
    if (!benchmark) return { error: 'The embed link has no benchmark (the “b” parameter).' };
    if (table) return { chart: { kind: 'table', benchmark, table, state, filters }, theme };
    return { error: 'The embed link’s table (the “table” parameter) is empty.' };
  }
  const view = q.get('view');
  if (!benchmark) return { error: 'The embed link has no benchmark (the “b” parameter).' };
  if (q.has('metric') || q.has('subset')) return parseBoard(q, benchmark, view, theme);
  if (!view) return { error: 'The embed link has no chart (the “view” parameter).' };
  return { chart: { kind: 'curated', benchmark, view }, theme };
}

/** A leaderboard: a metric, and a subset that may be empty (a board without subsets) but must be named. */
function parseBoard(q: URLSearchParams, benchmark: string, view: string | null, theme: EmbedTheme): EmbedTarget | { error: string } {
  if (view !== null) return { error: 'The embed link names both a chart (“view”) and a leaderboard (“metric”, “subset”): keep one.' };
  const metric = q.get('metric');
  const subset = q.get('subset');
  if (!metric) return { error: 'The embed link’s leaderboard has no metric (the “metric” parameter).' };
  if (subset === null) return { error: 'The embed link’s leaderboard has no subset (the “subset” parameter; empty for a board without subsets).' };
  return { chart: { kind: 'board', benchmark, metric, subset }, theme };
}
