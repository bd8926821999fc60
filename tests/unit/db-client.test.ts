// The db client on DuckDB-WASM's Node build: the same engine and loading code as the browser.
import { describe, expect, it } from 'vitest';
import { DbError, QueryCancelled } from '../../src/lib/db/errors.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const db = sharedDb();

describe('db client', () => {
  it('boots once and knows every catalog table before loading any', async () => {
    await Promise.all([db.boot(), db.boot()]);
    expect(db.status.state).toBe('ready');
    const catalog = builtCatalog();
    const all = [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)];
    const shown = await db.query(`SELECT schema_name || '.' || table_name AS q FROM duckdb_tables()`);
    expect(new Set(shown.rows.map((r) => r.q))).toEqual(new Set(all.map((t) => t.qualified)));
  });

  it('loads a referenced table on demand with its published row count', async () => {
    const catalog = builtCatalog();
    const q = catalog.benchmarks.find((b) => b.id === 'personagym')!.tables.find((t) => t.name === 'questions')!;
    const r = await db.query('select count(*) as n from personagym.questions');
    expect(r.rows).toEqual([{ n: q.rows }]);
    expect(r.columns).toEqual([{ name: 'n', type: 'Int64', kind: 'number' }]);
  });

  it('returns plain JS values: no BigInt, decimals as numbers, dates as ISO text', async () => {
    const r = await db.query(
      "select 12345678901234::BIGINT as big, 1.25 as dec, sum(x) as huge, date '2024-01-02' as d, [1, 2] as l, true as b, NULL as n from range(3) t(x)",
    );
    expect(r.rows[0]).toEqual({ big: 12345678901234, dec: 1.25, huge: 3, d: '2024-01-02', l: '[1,2]', b: true, n: null });
    for (const v of Object.values(r.rows[0])) expect(typeof v).not.toBe('bigint');
  });

  it('binds parameters instead of splicing text', async () => {
    const r = await db.query('select task, score from personagym.scores where model = ? and task = ?', {
      params: ['gpt_35', 'PersonaScore'],
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].task).toBe('PersonaScore');
  });

  it('reports errors with DuckDB message and position, and keeps working', async () => {
    const sql = 'select *\nfrom personagym.scores\nwhere task = = 1';
    const err = await db.query(sql).catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect(err.message).toMatch(/syntax error at or near "="/);
    expect(err.line).toBe(3);
    expect(err.column).toBe(14);
    expect(sql.slice(err.offset)).toBe('= 1');
    const unknown = await db.query('select * from personagym.no_such_table').catch((e) => e);
    expect(unknown.message).toMatch(/no_such_table/);
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('never autoloads extensions from the network', async () => {
    const err = await db.query("select * from read_json('x.json')").catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect(err.message).toMatch(/json extension/);
  });

  it('cancels before running when the signal is already aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(db.query('select 1', { signal: ctl.signal })).rejects.toBeInstanceOf(QueryCancelled);
  });

  it('exposes the cross-benchmark tables in main', async () => {
    const r = await db.query('select count(*) as n from results where model_id is null');
    expect(r.rows[0].n).toBe(0);
    const m = await db.query('select count(*) as n from main.results r anti join main.models m using (model_id)');
    expect(m.rows[0].n).toBe(0);
  });
});

describe('which tables a query loads', () => {
  it('loads a qualified table without its namesakes in other schemas', async () => {
    await db.boot();
    expect(db.tablesFor('select count(*) from personagym.questions')).toEqual(['personagym.questions']);
    expect(db.tablesFor('select * from results')).toEqual(['main.results']);
    expect(db.tablesFor('use personagym; select * from questions')).toEqual(['personagym.questions']);
  });
});
