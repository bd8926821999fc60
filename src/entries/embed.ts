// The embed page: one chart — curated, a leaderboard's released rows, or drawn by the chart builder
// from a catalog table or a SQL query — its source line and a link back; nothing else of the site (no
// console, no scorer). It tells the page holding it its height (embed-height.ts). Works in an iframe
// on any origin: data come from this site's own files, and a query that would read from anywhere
// else is refused (an embed has no one to ask for a go-ahead). theme=auto follows the host's
// prefers-color-scheme (an iframe inherits the viewer's system preference).
import { findBenchmark, loadCatalog } from '../lib/catalog/index.ts';
import { builderSpec, validate, type BuilderState } from '../lib/charts/builder.ts';
import { builderInput, readSample } from '../lib/charts/builder-data.ts';
import { querySource, tableSource } from '../lib/charts/builder-source.ts';
import { findCuratedChart } from '../lib/charts/curated.ts';
import { releasedBoardSpec } from '../lib/charts/embed-board.ts';
import { reportHeight } from '../lib/charts/embed-height.ts';
import { EMBED_FONT_SIZE, EMBED_MAX_WIDTH, embedLayoutWidth } from '../lib/charts/embed-snippet.ts';
import { chartPageUrl, parseEmbedQuery, type EmbedChart } from '../lib/charts/embed-url.ts';
import { renderChart } from '../lib/charts/render.ts';
import type { ChartRow, ChartSpec } from '../lib/charts/spec.ts';
import { chartTheme, type ThemeName } from '../lib/charts/theme.ts';
import { getDb } from '../lib/db/index.ts';
import { resultsData } from '../lib/explore/index.ts';
import { checkQuery, queryTable, readsOwnTables } from '../lib/explore/query-table.ts';
import { filterSummary } from '../lib/explore/filter-summary.ts';
import type { TableViewState } from '../lib/state/url-state.ts';
import type { Catalog, TableInfo } from '../lib/types.ts';

const root = document.getElementById('embed')!;
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const siteRoot = new URL(import.meta.env.BASE_URL, location.origin).toString();

/** A refusal or failure, said plainly; `pageUrl` links to the chart's page on the site where there is one. */
function fail(message: string, pageUrl?: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = message;
  if (pageUrl) {
    const link = document.createElement('a');
    link.href = pageUrl;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open it on Personascope';
    p.append(' ', link);
  }
  root.replaceChildren(p);
}

/** Thrown for what the visitor should read as is (no "could not be loaded" prefix). */
class Refusal extends Error {}

function show(spec: ChartSpec, themeChoice: 'auto' | ThemeName, pageUrl: string): void {
  const theme: ThemeName = themeChoice === 'auto' ? (dark.matches ? 'dark' : 'light') : themeChoice;
  const colours = chartTheme(theme);
  document.documentElement.style.cssText = `background:${colours.background};color:${colours.foreground};color-scheme:${theme}`;
  document.body.style.cssText = `margin:0;font-family:${colours.fontFamily};font-size:13px`;
  // Laid out between the widths the snippet's initial height was measured at: a narrower column
  // scales the chart down, a wider one leaves it at the widest, so it never outgrows that height.
  const svg = renderChart(spec, { theme, width: embedLayoutWidth(root.clientWidth || window.innerWidth), fontSize: EMBED_FONT_SIZE });
  svg.setAttribute('width', '100%');
  svg.removeAttribute('height');
  svg.style.display = 'block';
  svg.style.maxWidth = `${EMBED_MAX_WIDTH}px`;
  const link = document.createElement('a');
  link.href = pageUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = `${spec.source.benchmark} on Personascope: data, licence and citation`;
  link.style.cssText = `color:${colours.foreground};display:inline-block;padding:4px 8px`;
  root.replaceChildren(svg, link);
  root.dataset.embedReady = spec.view;
}

/** The builder's chart of a table or query: the same rows, defaults-free state and spec as on the site. */
/** `query`: the table is a SQL result, whose source line names the benchmarks of all its rows. */
async function drawBuilder(table: TableInfo, state: BuilderState, source: (rows: ChartRow[]) => ChartSpec['source'], filters: TableViewState, query: boolean): Promise<ChartSpec> {
  const problems = validate(state, table.columns);
  if (problems.length > 0) throw new Refusal(`This chart no longer fits its data: ${problems.join(' ')}`);
  const sample = await readSample(getDb(), table, filters, undefined, undefined, query);
  const input = await builderInput(getDb(), table, filters, state, sample);
  return builderSpec(state, input.rows, source(sample.sourceRows), table.title, filterSummary(filters), input.drawnFrom);
}

async function buildSpec(chart: EmbedChart, catalog: Catalog): Promise<ChartSpec> {
  if (chart.kind === 'query') {
    const check = checkQuery(chart.sql);
    if (!check.ok) throw new Refusal(check.problem);
    const table = await queryTable(getDb(), check.sql);
    return drawBuilder(table, chart.state, (rows) => querySource(catalog, check.sql, getDb().tablesFor(check.sql), rows), chart.filters, true);
  }
  const entry = findBenchmark(catalog, chart.benchmark);
  if (chart.kind === 'board') {
    if (!entry)
      throw new Refusal(
        chart.benchmark.startsWith('mine:')
          ? 'This leaderboard is of results someone added in their own browser: they cannot be shown elsewhere.'
          : `No benchmark “${chart.benchmark}” on Personascope.`,
      );
    const spec = await releasedBoardSpec(resultsData(), chart, entry);
    if ('refusal' in spec) throw new Refusal(spec.refusal);
    return spec;
  }
  if (chart.kind === 'curated') {
    if (!entry) throw new Refusal(`No benchmark “${chart.benchmark}” on Personascope.`);
    const curated = findCuratedChart(entry, chart.view);
    if (!curated) throw new Refusal(`${entry.short} has no chart “${chart.view}”.`);
    return curated.build(getDb(), entry);
  }
  const tables = entry ? entry.tables : chart.benchmark === 'main' ? catalog.shared : null;
  if (!tables) throw new Refusal(`No benchmark “${chart.benchmark}” on Personascope.`);
  const table = tables.find((t) => t.name === chart.table);
  if (!table) throw new Refusal(`${entry?.short ?? 'The shared tables'} has no table “${chart.table}”.`);
  return drawBuilder(table, chart.state, () => tableSource(table, entry), chart.filters, false);
}

async function main(): Promise<void> {
  // Refusals and failures are measured too: the host shows them whole, not cut off.
  if (window.parent !== window) reportHeight(document, window.parent);
  const target = parseEmbedQuery(location.search);
  if ('error' in target) return fail(target.error);
  const pageUrl = chartPageUrl(siteRoot, target.chart);
  // Checked before anything loads: an embed never reaches outside the site, nor reads the viewer's own tables.
  if (target.chart.kind === 'query') {
    const { sql } = target.chart;
    const check = checkQuery(sql);
    if (check.ok && check.outside.length > 0)
      return fail(`This chart's query reads from outside Personascope (${check.outside.join(', ')}), which an embedded chart never does.`, pageUrl);
    if (readsOwnTables(sql)) return fail('This chart reads tables someone added in their own browser (mine.…): they cannot be shown elsewhere.');
  }
  const catalog = await loadCatalog();
  let spec: ChartSpec;
  try {
    spec = await buildSpec(target.chart, catalog);
  } catch (error) {
    if (error instanceof Refusal) return fail(error.message, target.chart.kind === 'table' || target.chart.kind === 'query' ? pageUrl : undefined);
    throw error;
  }
  document.title = `${spec.title} · Personascope`;
  const draw = () => show(spec, target.theme, pageUrl);
  draw();
  let frame = 0;
  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  new ResizeObserver(redraw).observe(root);
  if (target.theme === 'auto') dark.addEventListener('change', redraw);
}

main().catch((error: unknown) => fail(`The chart could not be loaded: ${error instanceof Error ? error.message : String(error)}`));
