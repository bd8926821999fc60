// The table browser's and leaderboards' SQL: identifiers quoted, user values only as parameters,
// and the answers (counts, facets, ranks) checked against the built data on the Node engine.
import { describe, expect, it } from 'vitest';
import { countQuery, facetQuery, pageQuery, rowByNumberQuery, rowNumberAtQuery, whereClause } from '../../src/lib/explore/table-query.ts';
import { RANK_SQL, resultsService } from '../../src/lib/explore/results-service.ts';
import { tableService } from '../../src/lib/explore/table-service.ts';
import { EMPTY_TABLE_STATE, NULL_TOKEN, type TableViewState } from '../../src/lib/state/url-state.ts';
import type { TableInfo } from '../../src/lib/types.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const evil: TableInfo = {
  name: 't"x',
  qualified: 's.t"x',
  schema: 's',
  title: '',
  description: '',
  rows: 0,
  file: '',
  bytes: 0,
  sources: [],
  sourceCount: 0,
  columns: [
    { name: 'a"b', type: 'VARCHAR', kind: 'string', description: '', unit: null },
    { name: 'n', type: 'INTEGER', kind: 'number', description: '', unit: null },
    { name: 'ok', type: 'BOOLEAN', kind: 'boolean', description: '', unit: null },
  ],
};

describe('table queries', () => {
  it('does not apply an inverted range (from a link): typing one is refused', () => {
    const state: TableViewState = { ...EMPTY_TABLE_STATE, ranges: { n: { min: 10, max: 5 } } };
    expect(whereClause(evil, state).sql).toBe('');
    expect(whereClause(evil, { ...state, ranges: { n: { min: 5, max: 5 } } }).sql).toContain('"n" <=');
  });

  it('numbers rows in the table’s own order from 1: rowid for a table, the row number of a query', () => {
    expect(rowByNumberQuery(evil, 3)).toEqual({ sql: 'SELECT "a""b", "n", "ok" FROM "s"."t""x" WHERE (rowid + 1) = CAST($1 AS BIGINT)', params: ['3'] });
    const query = { ...evil, relation: '(SELECT 1 AS "n", row_number() OVER () AS "__personascope_row")' };
    expect(rowByNumberQuery(query, 3).sql).toContain('WHERE "__personascope_row" = CAST($1 AS BIGINT)');
    const at = rowNumberAtQuery(evil, { ...EMPTY_TABLE_STATE, sort: { column: 'n', desc: true }, facets: { ok: ['true'] } }, 7);
    expect(at.sql).toBe('SELECT (rowid + 1)::BIGINT AS n FROM "s"."t""x" WHERE "ok" = $1 ORDER BY "n" DESC NULLS LAST, rowid LIMIT 1 OFFSET 7');
  });

  it('quotes identifiers and passes every user value as a parameter', () => {
    const state: TableViewState = {
      search: "x' OR 1=1 --",
      sort: { column: 'a"b', desc: true },
      facets: { 'a"b': ["it's", NULL_TOKEN], n: ['3'], ok: ['true'], missing: ['z'] },
      ranges: { n: { min: 1, max: null }, 'a"b': { min: 0, max: 1 } },
    };
    const q = pageQuery(evil, state, 100, 50);
    expect(q.sql).toContain('FROM "s"."t""x"');
    expect(q.sql).toContain('contains(lower("a""b"), $1)');
    expect(q.sql).toContain('("a""b" = $2 OR "a""b" IS NULL)');
    // Numbers go as text, cast by DuckDB (its WASM build rounds some doubles passed as numbers).
    expect(q.sql).toContain('"n" = CAST($3 AS INTEGER)');
    expect(q.sql).toContain('"ok" = $4');
    expect(q.sql).toContain('"n" >= CAST($5 AS DOUBLE)');
    expect(q.sql).toContain('ORDER BY "a""b" DESC NULLS LAST, rowid LIMIT 50 OFFSET 100');
    expect(q.sql).not.toContain("it's");
    expect(q.sql).not.toContain('OR 1=1');
    expect(q.sql).not.toContain('missing'); // unknown columns are ignored
    expect(q.params).toEqual([`x' or 1=1 --`, "it's", '3', true, '1']);
  });

  it('matches several facet values of one column with IN, and leaves unsorted pages in table order', () => {
    const q = pageQuery(evil, { ...EMPTY_TABLE_STATE, facets: { n: ['1', '2'] } }, 0, 10);
    expect(q.sql).toBe('SELECT "a""b", "n", "ok" FROM "s"."t""x" WHERE "n" IN (CAST($1 AS INTEGER), CAST($2 AS INTEGER)) LIMIT 10 OFFSET 0');
    expect(q.params).toEqual(['1', '2']);
    // A value that is not a number matches no row of a number column instead of failing the query.
    expect(pageQuery(evil, { ...EMPTY_TABLE_STATE, facets: { n: ['abc'] } }, 0, 10).sql).toContain('WHERE FALSE');
  });

  it('leaves a facet’s own filter out of its counts', () => {
    const state: TableViewState = { ...EMPTY_TABLE_STATE, facets: { n: ['1'], ok: ['false'] } };
    const q = facetQuery(evil, state, 'n');
    expect(q.sql).not.toContain('"n" IN');
    expect(q.sql).toContain('"ok" = $1');
    expect(whereClause(evil, EMPTY_TABLE_STATE).sql).toBe('');
    expect(countQuery(evil, EMPTY_TABLE_STATE).sql).toBe('SELECT count(*)::INTEGER AS n FROM "s"."t""x"');
  });
});

const catalog = builtCatalog();
const questions = catalog.benchmarks.find((b) => b.id === 'personagym')?.tables.find((t) => t.name === 'questions');

describe.skipIf(!questions)('table service on personagym.questions', () => {
  const db = sharedDb();
  const svc = tableService(db);
  const table = questions!;

  it('counts, pages, facets and summaries agree with plain SQL', async () => {
    const facetCols = (await svc.facetColumns(table)).map((c) => c.name);
    expect(facetCols).toContain('task');
    expect(facetCols).not.toContain('question');

    const tasks = await svc.facet(table, EMPTY_TABLE_STATE, 'task');
    expect(tasks.reduce((n, f) => n + f.n, 0)).toBe(table.rows);
    const task = String(tasks[0].value);

    const state: TableViewState = { ...EMPTY_TABLE_STATE, search: 'you', facets: { task: [task] }, sort: { column: 'persona_id', desc: true } };
    const expected = await db.query(
      `SELECT count(*)::INTEGER AS n FROM personagym.questions WHERE task = $1 AND (persona ILIKE '%you%' OR task ILIKE '%you%' OR question ILIKE '%you%')`, // the same filter, written another way
      { params: [task] },
    );
    expect(await svc.count(table, state)).toBe(expected.rows[0].n);
    const page = await svc.page(table, state, 0, 5);
    expect(page).toHaveLength(5);
    expect(page.every((r) => r.task === task)).toBe(true);
    const ids = page.map((r) => Number(r.persona_id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    // Facet counts of another column follow the filters.
    const byTaskUnderFilter = await svc.facet(table, state, 'task');
    const total = byTaskUnderFilter.reduce((n, f) => n + f.n, 0);
    expect(total).toBeGreaterThanOrEqual(await svc.count(table, state));

    // A row opened from the grid is named by its number in the table's own order, and that number
    // finds the same row again under no filter; a number past the end finds none.
    const n = (await svc.rowNumberAt(table, state, 2))!;
    expect(await svc.rowByNumber(table, n)).toEqual((await svc.page(table, state, 2, 1))[0]);
    expect(await svc.rowByNumber(table, 1)).toEqual((await svc.page(table, EMPTY_TABLE_STATE, 0, 1))[0]);
    expect(await svc.rowNumberAt(table, EMPTY_TABLE_STATE, 4)).toBe(5);
    expect(await svc.rowByNumber(table, table.rows + 1)).toBeNull();
    expect(await svc.rowNumberAt(table, state, table.rows)).toBeNull();

    // A row opened by a link is placed among the rows shown, or found left out by the filters.
    expect(await svc.rowPosition(table, state, n)).toBe(3);
    expect(await svc.rowPosition(table, EMPTY_TABLE_STATE, 5)).toBe(5);
    const first = (await svc.rowByNumber(table, 1))!;
    expect(await svc.rowPosition(table, { ...EMPTY_TABLE_STATE, ranges: { persona_id: { min: Number(first.persona_id) + 1, max: null } } }, 1)).toBeNull();

    const summary = await svc.summary(table, EMPTY_TABLE_STATE, table.columns.find((c) => c.name === 'question_index')!);
    expect(summary.nulls).toBe(0);
    expect(summary.histogram!.reduce((n, b) => n + b.n, 0)).toBe(table.rows);
  });
});

describe('leaderboards', () => {
  const svc = resultsService(sharedDb());

  it('ranks by higher_is_better and links every row to a canonical model', async () => {
    const boards = await svc.boards();
    expect(boards.length).toBeGreaterThan(0);
    const key = boards.find((b) => b.models > 2)!;
    const rows = await svc.board(key);
    expect(rows.length).toBeGreaterThan(2);
    for (let i = 1; i < rows.length; i++) {
      const better = rows[i - 1].higher_is_better ? rows[i - 1].value >= rows[i].value : rows[i - 1].value <= rows[i].value;
      expect(better).toBe(true);
      expect(rows[i].rank).toBeGreaterThanOrEqual(rows[i - 1].rank);
    }
    expect(rows[0].rank).toBe(1);
    expect(rows.every((r) => r.display_name)).toBe(true);

    const mine = await svc.resultsOf([rows[0].model_id]);
    const same = mine.find((r) => r.benchmark === key.benchmark && r.metric === key.metric && r.subset === key.subset)!;
    expect(same.rank).toBe(1);
    expect(same.of).toBe(rows.length);
  });

  it('ranks the smallest value first where lower is better (ties share a rank)', async () => {
    const { rows } = await sharedDb().query(
      `SELECT r.model, ${RANK_SQL}::INTEGER AS rank FROM (VALUES
         ('b', 'err', 's', 'x', 0.3, false), ('b', 'err', 's', 'y', 0.1, false), ('b', 'err', 's', 'z', 0.1, false),
         ('b', 'acc', 's', 'x', 0.3, true), ('b', 'acc', 's', 'y', 0.1, true)
       ) r(benchmark, metric, subset, model, value, higher_is_better) ORDER BY r.metric, rank, r.model`,
    );
    expect(rows).toEqual([
      { model: 'x', rank: 1 },
      { model: 'y', rank: 2 },
      { model: 'y', rank: 1 },
      { model: 'z', rank: 1 },
      { model: 'x', rank: 3 },
    ]);
  });

  it('lists every canonical model', async () => {
    const models = await svc.models();
    const n = await sharedDb().query('SELECT count(*)::INTEGER AS n FROM main.models');
    expect(models).toHaveLength(Number(n.rows[0].n));
  });
});

describe('search without text columns', () => {
  it('searches every column as text', () => {
    const numbers: TableInfo = { ...evil, columns: evil.columns.filter((c) => c.kind !== 'string') };
    const q = whereClause(numbers, { ...EMPTY_TABLE_STATE, search: '12' });
    expect(q.sql).toBe(` WHERE (contains(lower(CAST("n" AS VARCHAR)), $1) OR contains(lower(CAST("ok" AS VARCHAR)), $1))`);
    expect(q.params).toEqual(['12']);
  });
});

describe.skipIf(!questions)('first page with its count', () => {
  it('returns the same count and rows as the two separate queries', async () => {
    const svc = tableService(sharedDb());
    const table = questions!;
    for (const state of [EMPTY_TABLE_STATE, { ...EMPTY_TABLE_STATE, search: 'hiking', sort: { column: 'persona_id', desc: true } }, { ...EMPTY_TABLE_STATE, search: 'no such text at all' }]) {
      const first = await svc.firstPage(table, state, 20);
      expect(first.total).toBe(await svc.count(table, state));
      expect(first.rows).toEqual(await svc.page(table, state, 0, 20));
    }
  });
});

describe('leaderboards with the user’s own results', () => {
  it('ranks an uploaded model next to the released ones, marked as mine', async () => {
    const { createNodeDbWithUserData } = await import('../../src/lib/db/node.ts');
    const { memoryStore } = await import('../../src/lib/db/user-data/store.ts');
    const { dataDir } = await import('./built-data.ts');
    const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
    const svc = resultsService(db);
    const key = (await svc.boards()).find((b) => b.benchmark === 'personagym') ?? (await svc.boards())[0];
    const released = await svc.board(key);
    const top = Math.max(...released.map((r) => r.value));
    const csv = `model,benchmark,metric,subset,value\nmy-agent,${key.benchmark},${key.metric},${key.subset},${top + 1}\n`;
    await userData.add(new Blob([csv]), 'mine.csv');
    const rows = await svc.board(key);
    expect(rows).toHaveLength(released.length + 1);
    expect(rows[0]).toMatchObject({ rank: 1, display_name: 'my-agent', is_mine: true, canonical: false });
    expect(rows.slice(1).every((r) => !r.is_mine && r.canonical)).toBe(true);
  });
});

describe('leaderboard order and subsets', () => {
  const svc = resultsService(sharedDb());

  it('lists subsets with numbers in them by value (2 before 10), on the picker and on model pages', async () => {
    const sessionNumbers = (subsets: string[]) => subsets.filter((s) => s.startsWith('sessions elapsed: ')).map((s) => Number(s.match(/\d+/)![0]));
    const ascending = (ns: number[]) => [...ns].sort((x, y) => x - y);
    const picker = sessionNumbers((await svc.boards()).filter((b) => b.benchmark === 'personamem' && b.metric === 'MCQ accuracy').map((b) => b.subset));
    expect(picker.length).toBeGreaterThan(10);
    expect(picker).toEqual(ascending(picker));
    const page = sessionNumbers((await svc.resultsOf(['gpt-4o'])).filter((r) => r.benchmark === 'personamem' && r.metric === 'MCQ accuracy').map((r) => r.subset));
    expect(page.length).toBeGreaterThan(10);
    expect(page).toEqual(ascending(page));
  });

  it('puts APC’s results with and without DPO on one board per method and character', async () => {
    const apc = (await svc.boards()).filter((b) => b.benchmark === 'apc');
    const withMethod = apc.filter((b) => !b.subset.startsWith('no PRP method'));
    expect(withMethod.length).toBeGreaterThan(0);
    for (const b of withMethod) expect(b.models, `${b.metric} · ${b.subset}`).toBe(2);
    expect(apc.every((b) => !/APC-based DPO/.test(b.subset))).toBe(true);
  });
});
