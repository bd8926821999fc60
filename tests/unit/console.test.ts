// SQL console logic that needs no browser: which statements are paged, history (dedupe, cap,
// storage that is malformed or missing), and the paged run against DuckDB-WASM's Node build.
import { beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, addEntry, historyStore, parseHistory, type HistoryEntry } from '../../src/lib/console/history.ts';
import { runConsoleQuery } from '../../src/lib/console/run-query.ts';
import type { Completion } from '@codemirror/autocomplete';
import { completionSchema } from '../../src/lib/console/completion-schema.ts';
import { errorSpan } from '../../src/lib/console/error-span.ts';
import { isPageableQuery, statementCount, withoutTrailingSemicolon } from '../../src/lib/console/statement.ts';
import { DbError } from '../../src/lib/db/errors.ts';
import { memoryStorage } from './memory-storage.ts';
import { createNodeDb } from '../../src/lib/db/node.ts';
import type { DbClient } from '../../src/lib/db/client.ts';
import type { Catalog, TableInfo } from '../../src/lib/types.ts';

describe('statements', () => {
  it('pages single queries and runs everything else as written', () => {
    expect(isPageableQuery('select 1')).toBe(true);
    expect(isPageableQuery('  -- a comment; with a semicolon\nWITH x AS (select 1) select * from x;')).toBe(true);
    expect(isPageableQuery("from personagym.questions where question like '%;%'")).toBe(true);
    expect(isPageableQuery('(select 1) union all (select 2)')).toBe(true);
    expect(isPageableQuery('select 1; select 2')).toBe(false);
    expect(isPageableQuery('describe main.results')).toBe(false);
    expect(isPageableQuery('create table t as select 1')).toBe(false);
    expect(isPageableQuery('/* select */ show tables')).toBe(false);
    expect(statementCount('select 1;;  ; select \';\'')).toBe(2);
  });

  it('drops a final semicolon only', () => {
    expect(withoutTrailingSemicolon('select 1;  \n')).toBe('select 1');
    expect(withoutTrailingSemicolon("select ';'")).toBe("select ';'");
    expect(withoutTrailingSemicolon('select 1 -- done')).toBe('select 1 -- done');
  });
});

describe('history', () => {
  const e = (sql: string, at: number, rows: number | null = 1): HistoryEntry => ({ sql, at, rows });

  it('puts the newest on top and keeps each query once', () => {
    let list: HistoryEntry[] = [];
    list = addEntry(list, e('select 1', 1));
    list = addEntry(list, e('select 2', 2));
    list = addEntry(list, e('  select 1;  ', 3, 5));
    expect(list.map((x) => [x.sql, x.at, x.rows])).toEqual([
      ['  select 1;  ', 3, 5],
      ['select 2', 2, 1],
    ]);
    expect(addEntry(list, e('   ', 4))).toBe(list);
  });

  it('is capped', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) list = addEntry(list, e(`select ${i}`, i));
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0].sql).toBe(`select ${HISTORY_LIMIT + 4}`);
  });

  it('survives malformed storage and keeps what is valid', () => {
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('{not json')).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify([e('ok', 1), { sql: 3 }, null, e('failed', 2, null)]))).toEqual([e('ok', 1), e('failed', 2, null)]);
  });

  it('stores, removes and clears through a storage', () => {
    const storage = memoryStorage();
    const store = historyStore(storage);
    let list = store.add(store.load(), e('select 1', 1));
    list = store.add(list, e('select 2', 2));
    expect(historyStore(storage).load().map((x) => x.sql)).toEqual(['select 2', 'select 1']);
    list = store.remove(list, 'select 2');
    expect(historyStore(storage).load().map((x) => x.sql)).toEqual(['select 1']);
    store.clear();
    expect(historyStore(storage).load()).toEqual([]);
    // No storage at all (blocked): works for the visit, never throws.
    const none = historyStore(null);
    expect(none.add([], e('x', 1))).toHaveLength(1);
    const full = historyStore({ ...storage, setItem: () => { throw new Error('QuotaExceededError'); } });
    expect(full.add([], e('x', 1))).toHaveLength(1);
  });
});

describe('paged run (DuckDB-WASM, Node)', () => {
  let db: DbClient;
  beforeAll(async () => {
    db = await createNodeDb();
    await db.boot();
  });

  it('keeps rows in DuckDB and serves pages in order', async () => {
    const r = await runConsoleQuery(db, 'select i, i * 2 as twice from range(2500) t(i) order by i desc;');
    expect(r.paged).toBe(true);
    expect(r.total).toBe(2500);
    expect(r.columns.map((c) => c.name)).toEqual(['i', 'twice']);
    expect((await r.page(0, 2)).map((x) => x.i)).toEqual([2499, 2498]);
    expect((await r.page(2490, 100)).map((x) => x.i)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect((await r.all()).rows).toHaveLength(2500);
  });

  it('runs other statements as written', async () => {
    const r = await runConsoleQuery(db, 'describe select 42 as answer');
    expect(r.paged).toBe(false);
    expect((await r.page(0, 10)).map((x) => x.column_name)).toEqual(['answer']);
  });

  it('reports errors against the text as typed', async () => {
    const bad = 'select count(*)\nfrom range(3)\nwher x = 1';
    const err = await runConsoleQuery(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).line).toBe(3);
    expect((err as DbError).message).not.toContain('__console_result');
    const missing = await runConsoleQuery(db, 'select nope from range(3)').catch((e: unknown) => e);
    expect((missing as DbError).message).toMatch(/nope/);
    expect((missing as DbError).message).not.toContain('__console_result');
  });

  it('places an error of a later statement of a script where it is (DuckDB shifts it by where the statement starts)', async () => {
    for (const script of ['SELECT 1 AS a;\n\nSELECT i,\n  nosuchcol FROM range(3) t(i)', "SELECT ';' AS a;\nSELECT i,\n  nosuchcol FROM range(3) t(i)"]) {
      const err = (await runConsoleQuery(db, script).catch((e: unknown) => e)) as DbError;
      expect(err, script).toBeInstanceOf(DbError);
      expect(script.slice(err.offset!, err.offset! + 9), script).toBe('nosuchcol');
    }
    // The first statement's errors were right all along.
    const first = (await runConsoleQuery(db, 'SELECT nosuchcol FROM range(3); SELECT 1').catch((e: unknown) => e)) as DbError;
    expect(first.offset).toBe(7);
  });
});

describe('error span', () => {
  it('marks the word at the position, or the last character before blank space or the end', () => {
    const doc = 'select count(*)\nfrom t\nwher x = 1';
    const at = doc.indexOf('x');
    expect(errorSpan(doc, at)).toEqual({ from: at, to: at + 1 });
    expect(errorSpan(doc, doc.indexOf('wher'))).toEqual({ from: doc.indexOf('wher'), to: doc.indexOf('wher') + 4 });
    expect(errorSpan('select (', 8)).toEqual({ from: 7, to: 8 });
    expect(errorSpan('select 1   ', 99)).toEqual({ from: 7, to: 8 });
    expect(errorSpan('', 3)).toEqual({ from: 0, to: 0 });
  });
});

describe('completion schema', () => {
  it('nests schemas → tables → columns, with types and descriptions, quoting odd names', () => {
    const table = (schema: string, name: string, columns: string[]) =>
      ({
        schema,
        name,
        qualified: `${schema}.${name}`,
        title: `${name} title`,
        description: '',
        rows: 1234,
        columns: columns.map((c) => ({ name: c, type: 'VARCHAR', kind: 'string', description: `${c} text`, unit: null })),
      }) as unknown as TableInfo;
    const catalog = {
      format: 1,
      shared: [table('main', 'results', ['model'])],
      benchmarks: [{ short: 'PersonaGym', tables: [table('personagym', 'questions', ['question', 'Odd Name'])] }],
    } as unknown as Catalog;
    const ns = completionSchema(catalog, [table('mine', 'pets', ['legs'])]) as Record<string, { self: Completion; children: Record<string, { self: Completion; children: Completion[] }> }>;
    expect(Object.keys(ns)).toEqual(['main', 'personagym', 'mine']);
    expect(ns.personagym.self.detail).toBe('schema · PersonaGym');
    const questions = ns.personagym.children.questions;
    expect(questions.self.detail).toBe('table · 1,234 rows');
    expect(questions.children.map((c) => [c.label, c.detail, c.info])).toEqual([
      ['question', 'VARCHAR', 'question text'],
      ['"Odd Name"', 'VARCHAR', 'Odd Name text'],
    ]);
    expect(ns.mine.self.detail).toBe('schema · Your data');
  });
});
