// A console result opened as a page (#/sql/result?sql=…) and builder charts' embeds and permalinks:
// the URL state survives a round trip, only a single query is accepted, outside URLs are found, and
// the query, wrapped as a relation, browses like a table on the Node engine.
import { describe, expect, it } from 'vitest';
import { builderRequested, readBuilderState, writeBuilderState, type BuilderState } from '../../src/lib/charts/builder.ts';
import { querySource } from '../../src/lib/charts/builder-source.ts';
import { licenceText } from '../../src/lib/licence-words.ts';
import { CHART_PARAM } from '../../src/lib/charts/chart-anchor.ts';
import { chartPageHash, embedUrl, parseEmbedQuery, type EmbedChart } from '../../src/lib/charts/embed-url.ts';
import { resultHref, resultSql } from '../../src/lib/console/result-link.ts';
import { checkQuery, queryTable, readsOwnTables } from '../../src/lib/explore/query-table.ts';
import { tableService } from '../../src/lib/explore/table-service.ts';
import { parseRoute, routeHref } from '../../src/lib/state/router.ts';
import { EMPTY_TABLE_STATE, parseTableState, splitHash, type TableViewState } from '../../src/lib/state/url-state.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const SQL = "SELECT model, task, avg(score) AS mean -- per model & task\nFROM personagym.scores WHERE task <> 'a#b?c=d' GROUP BY ALL;";
const BAR: BuilderState = { mark: 'bar', x: 'model', y: 'mean', color: 'task', facet: '', aggregate: 'mean', sort: 'value-desc' };
const TABLE_STATE: TableViewState = { search: 'gpt', sort: { column: 'mean', desc: true }, facets: { task: ['Action Justification', 'Expected Action'] }, ranges: { mean: { min: 1, max: null } } };

describe('result page URL', () => {
  it('keeps the query, the table state and the chart through the hash', () => {
    const href = resultHref({ sql: SQL, table: TABLE_STATE, chart: BAR });
    expect(parseRoute(href)).toEqual({ page: 'sql-result' });
    expect(routeHref({ page: 'sql-result' })).toBe('#/sql/result');
    const { query } = splitHash(href);
    expect(resultSql(query)).toBe(SQL);
    expect(parseTableState(query)).toEqual(TABLE_STATE);
    expect(readBuilderState(query)).toEqual(BAR);
  });

  it('opens the builder at its defaults with chart=open, which a chosen chart then replaces', () => {
    const { query } = splitHash(resultHref({ sql: 'select 1', chart: 'open' }));
    expect(builderRequested(query)).toBe(true);
    expect(readBuilderState(query)).toBeNull();
    writeBuilderState(BAR, query);
    expect(query.has('chart')).toBe(false);
    expect(readBuilderState(query)).toEqual(BAR);
    expect(builderRequested(splitHash(resultHref({ sql: 'select 1' })).query)).toBe(false);
    expect(parseTableState(splitHash(resultHref({ sql: 'select 1' })).query)).toEqual(EMPTY_TABLE_STATE);
  });
});

describe('embed links of builder charts', () => {
  const root = 'https://example.org/personascope/';
  const charts: EmbedChart[] = [
    { kind: 'curated', benchmark: 'personagym', view: 'model-by-task' },
    { kind: 'table', benchmark: 'personagym', table: 'scores', state: BAR, filters: EMPTY_TABLE_STATE },
    { kind: 'table', benchmark: 'main', table: 'results', state: { ...BAR, color: '' }, filters: EMPTY_TABLE_STATE },
    // A chart of the rows some filters keep carries them: the embed draws the same rows.
    {
      kind: 'table',
      benchmark: 'personagym',
      table: 'scores',
      state: BAR,
      filters: { search: 'gpt', sort: null, facets: { task: ['Toxicity', 'Action Justification'] }, ranges: { score: { min: 3, max: null } } },
    },
    { kind: 'query', sql: SQL, state: BAR, filters: EMPTY_TABLE_STATE },
    // So does a chart of a query result's filtered rows.
    { kind: 'query', sql: SQL, state: BAR, filters: { search: 'gpt', sort: null, facets: { task: ['Toxicity'] }, ranges: { mean: { min: null, max: 4 } } } },
  ];

  it('reads back every kind of chart and theme it wrote', () => {
    for (const chart of charts)
      for (const theme of ['auto', 'light', 'dark'] as const) {
        const url = new URL(embedUrl(root, chart, theme));
        expect(url.pathname).toBe('/personascope/embed.html');
        expect(parseEmbedQuery(url.search)).toEqual({ chart, theme });
      }
  });

  it('links back to the page that holds the same chart', () => {
    // A curated chart's page is its benchmark's, named so the page lands on that chart.
    expect(chartPageHash(charts[0])).toBe(`#/b/personagym?${CHART_PARAM}=model-by-task`);
    expect(parseRoute(chartPageHash(charts[0]))).toEqual({ page: 'benchmark', id: 'personagym' });
    const table = splitHash(chartPageHash(charts[1]));
    expect(parseRoute(chartPageHash(charts[1]))).toEqual({ page: 'table', id: 'personagym', table: 'scores' });
    expect(readBuilderState(table.query)).toEqual(BAR);
    // The page opens with the chart's filters set.
    expect(parseTableState(splitHash(chartPageHash(charts[3])).query)).toEqual((charts[3] as { filters: unknown }).filters);
    const result = splitHash(chartPageHash(charts[4]));
    expect(parseRoute(chartPageHash(charts[4]))).toEqual({ page: 'sql-result' });
    expect(resultSql(result.query)).toBe(SQL);
    expect(readBuilderState(result.query)).toEqual(BAR);
    expect(parseTableState(splitHash(chartPageHash(charts[5])).query)).toEqual((charts[5] as { filters: unknown }).filters);
  });

  it('says what is missing or wrong', () => {
    expect(parseEmbedQuery('?sql=select+1')).toEqual({ error: expect.stringContaining('no chart') });
    expect(parseEmbedQuery('?sql=+&chart.mark=bar')).toEqual({ error: expect.stringContaining('empty') });
    expect(parseEmbedQuery('?table=scores&chart.mark=bar')).toEqual({ error: expect.stringContaining('no benchmark') });
    expect(parseEmbedQuery('?b=personagym&table=scores&chart.mark=pie')).toEqual({ error: expect.stringContaining('Unknown chart mark “pie”') });
    expect(parseEmbedQuery('?b=personagym&view=x&theme=sepia')).toEqual({ error: expect.stringContaining('Unknown theme') });
  });
});

describe('checking a linked query', () => {
  it('accepts one query, without its final semicolon, and lists the outside URLs it reads', () => {
    expect(checkQuery(SQL)).toEqual({ ok: true, sql: SQL.slice(0, -1), outside: [] });
    expect(checkQuery("from read_csv('https://example.com/a.csv')")).toEqual({
      ok: true,
      sql: "from read_csv('https://example.com/a.csv')",
      outside: ['https://example.com/a.csv'],
    });
  });

  it('refuses anything but a single query', () => {
    for (const sql of ['', 'select 1; select 2', 'drop table main.results', "attach 'x.db'", 'set threads = 1', 'select 1; drop table main.results'])
      expect(checkQuery(sql)).toMatchObject({ ok: false, problem: expect.any(String) });
  });

  it('knows a query that reads the visitor’s own tables', () => {
    expect(readsOwnTables('select * from mine.pets')).toBe(true);
    expect(readsOwnTables('select * from "mine"."my pets"')).toBe(true);
    expect(readsOwnTables('select mine from personagym.scores')).toBe(false);
  });
});

describe('a query as a table (Node engine, built data)', () => {
  const db = sharedDb();
  const catalog = builtCatalog();

  it('browses, facets, sorts and counts a query with a date column and a trailing comment', async () => {
    const sql = "SELECT model, task, score, DATE '2024-01-01' + CAST(score AS INTEGER) AS day FROM personagym.scores -- all runs";
    const table = await queryTable(db, sql);
    const [truth] = (await db.query('SELECT count(*)::INTEGER AS n, count(DISTINCT task)::INTEGER AS tasks FROM personagym.scores')).rows;
    expect(table.rows).toBe(truth.n);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ['model', 'string'],
      ['task', 'string'],
      ['score', 'number'],
      ['day', 'string'],
    ]);
    const service = tableService(db);
    expect((await service.facetColumns(table)).map((c) => c.name)).toContain('task');
    const [firstTask] = await service.facet(table, EMPTY_TABLE_STATE, 'task');
    const state: TableViewState = { ...EMPTY_TABLE_STATE, facets: { task: [String(firstTask.value)] }, sort: { column: 'score', desc: true }, search: '2024' };
    const page = await service.firstPage(table, state, 100);
    expect(page.total).toBe(firstTask.n);
    expect(page.rows.every((r) => r.task === firstTask.value && String(r.day).startsWith('2024'))).toBe(true);
    const scores = page.rows.map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('names the tables and licences a query reads in its chart source', async () => {
    const sql = 'SELECT s.model, s.score FROM personagym.scores s';
    const rows = (await db.query(sql)).rows as Record<string, string | number | boolean | null>[];
    const personagym = catalog.benchmarks.find((b) => b.id === 'personagym')!;
    expect(querySource(catalog, sql, db.tablesFor(sql), rows)).toEqual({
      benchmark: personagym.short,
      benchmarkId: 'personagym',
      benchmarkIds: ['personagym'],
      table: 'personagym.scores',
      license: personagym.license.spdx,
    });
    // Rows of main.results name their benchmarks: every one of them is cited.
    const shared = 'SELECT benchmark, model, value FROM main.results';
    const sharedRows = (await db.query(shared)).rows as Record<string, string | number | boolean | null>[];
    const ids = [...new Set(sharedRows.map((r) => r.benchmark as string))].sort();
    const source = querySource(catalog, shared, db.tablesFor(shared), sharedRows);
    expect(source.benchmarkId).toBe('query');
    expect([...source.benchmarkIds!].sort()).toEqual(ids);
    expect(source.license).toBe('per benchmark (each benchmark’s page gives its licence)');
    // Two benchmarks: each licence is said with its benchmark.
    const two = sharedRows.filter((r) => r.benchmark === ids[0] || r.benchmark === ids[1]);
    const [a, b] = ids.map((id) => catalog.benchmarks.find((x) => x.id === id)!);
    expect(querySource(catalog, shared, db.tablesFor(shared), two).license).toBe(
      [a, b].map((x) => `${x.short}: ${licenceText(x.license)}`).join('; '),
    );
  });
});
