// The user's own tables in DuckDB (Node build, same engine as the browser): CSV via read_csv,
// JSON lines and Parquet via Arrow, results joined to main.results_all, delete, and restore at boot.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { UploadError } from '../../src/lib/db/user-data/upload-error.ts';
import { asTableInfo } from '../../src/lib/db/user-data/service.ts';
import { tableService } from '../../src/lib/explore/table-service.ts';
import { EMPTY_TABLE_STATE } from '../../src/lib/state/url-state.ts';
import { dataDir } from './built-data.ts';

const store = memoryStore();
const { db, userData } = createNodeDbWithUserData(dataDir, store);
const file = (text: string) => new Blob([text]);

describe('user tables', () => {
  it('loads a results CSV into mine and joins it to main.results_all, marked as mine', async () => {
    const released = await db.query("select benchmark, metric, unit, higher_is_better from main.results where benchmark = 'personagym' limit 1");
    const { benchmark, metric, unit, higher_is_better } = released.rows[0];
    const csv = `model,benchmark,metric,value\nmy-agent,${benchmark},${metric},4.9\nmy-agent,own,accuracy,0.5\n`;
    const { info, mappingProblem } = await userData.add(file(csv), 'My Results.csv');
    expect(mappingProblem).toBeUndefined();
    expect(info).toMatchObject({ name: 'my_results', qualified: 'mine.my_results', rows: 2, format: 'csv' });
    expect(info.columns.map((c) => c.name)).toEqual(['model', 'benchmark', 'metric', 'value']);
    expect(info.mapping).toMatchObject({ model: 'model', metric: 'metric', value: 'value', benchmark: { column: 'benchmark' } });

    const mine = await db.query('select benchmark, metric, value, unit, higher_is_better, upload from main.results_all where is_mine order by value desc');
    // Unit and direction missing from the file come from the released rows of the same metric.
    expect(mine.rows).toEqual([
      { benchmark, metric, value: 4.9, unit, higher_is_better, upload: 'mine.my_results' },
      { benchmark: 'own', metric: 'accuracy', value: 0.5, unit: '', higher_is_better: true, upload: 'mine.my_results' },
    ]);
    const all = await db.query('select count(*) filter (where not is_mine) as released, count(*) as n from main.results_all');
    const base = await db.query('select count(*) as n from main.results');
    expect(all.rows[0]).toEqual({ released: base.rows[0].n, n: Number(base.rows[0].n) + 2 });
  });

  it('reads semicolon CSVs and explains a one-column file by its uneven line', async () => {
    const { info } = await userData.add(file('a;b\n1;x\n2;y\n'), 'semi.csv');
    expect(info.columns.map((c) => c.name)).toEqual(['a', 'b']);
    const e = await userData.add(file('model~metric~value\na~b~1\n'), 'tilde.csv').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UploadError);
    expect((e as UploadError).message).toMatch(/^tilde\.csv: only one column was found/);
    const uneven = await userData.add(file('x;y;z\n1;2;3\n4;5\n'), 'uneven.csv').catch((err: unknown) => err);
    expect((uneven as UploadError).message).toMatch(/line 3/);
    expect(userData.tables.map((t) => t.name)).toEqual(['my_results', 'semi']);
  });

  it('says when a column of numbers was read as text because of missing-value markers (R\'s NA), and not otherwise', async () => {
    const { info, notes } = await userData.add(file('model,score,region\nA,0.9,NA\nB,NA,EU\nC,10.5,NA\nD,2,US\n'), 'with-na.csv');
    expect(info.columns.find((c) => c.name === 'score')?.type).toBe('VARCHAR');
    expect(notes).toEqual([expect.stringMatching(/^score holds numbers and 1 cell of “NA”, so it was read as text/)]);
    await userData.remove(info.name);
    expect((await userData.add(file('model,score\nA,0.9\nB,2\n'), 'clean.csv')).notes).toEqual([]);
    await userData.remove('clean');
  });

  it('searches an upload with a date column (its text columns include dates, which lower() does not take)', async () => {
    const { info } = await userData.add(file('model,when\nAlpha,2024-01-05\nBeta,2024-02-01\n'), 'dated.csv');
    expect(info.columns.find((c) => c.name === 'when')?.type).toBe('DATE');
    const tables = tableService(db);
    expect(await tables.count(asTableInfo(info), { ...EMPTY_TABLE_STATE, search: 'alph' })).toBe(1);
    expect(await tables.count(asTableInfo(info), { ...EMPTY_TABLE_STATE, search: '2024-02' })).toBe(1);
    await userData.remove(info.name);
  });

  it('names the broken JSON line and leaves the session as it was', async () => {
    const before = await db.query('select count(*) as n from main.results_all');
    const e = await userData.add(file('{"a":1}\n{"a":2}\n{"a":3,}\n'), 'broken.jsonl').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UploadError);
    expect((e as UploadError).message).toMatch(/^broken\.jsonl: line 3 is not valid JSON \(column 8\)/);
    expect((await db.query('select count(*) as n from main.results_all')).rows).toEqual(before.rows);
    expect((await db.query("select count(*) as n from duckdb_tables() where schema_name = 'mine'")).rows[0].n).toBe(2);
    const empty = await userData.add(file(''), 'empty.csv').catch((err: unknown) => err);
    expect((empty as UploadError).message).toBe('empty.csv: the file is empty (0 bytes).');
    // A 2 GB file is refused by its size, before a byte of it is read.
    const huge = { size: 2_000_000_000, type: '', arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const big = await userData.add(huge, 'big.csv').catch((err: unknown) => err);
    expect((big as UploadError).message).toBe('big.csv: the file is 2 GB; files up to 1 GB can be loaded in the browser.');
    const header = await userData.add(file('a,b\n'), 'header.csv').catch((err: unknown) => err);
    expect((header as UploadError).message).toMatch(/header but no data rows/);
  });

  it('maps differently named columns, checking values by row and column', async () => {
    const jsonl = '{"system":"bot","task":"acc","score":0.7}\n{"system":"bot","task":"f1","score":"n/a"}\n';
    const { info } = await userData.add(file(jsonl), 'runs.jsonl');
    expect(info.mapping).toBe(null);
    const mapping = {
      model: 'system',
      metric: 'task',
      value: 'score',
      benchmark: { fixed: 'mine:runs' },
      subset: null,
      unit: null,
      higherIsBetter: null,
    };
    const e = await userData.setMapping('runs', mapping).catch((err: unknown) => err);
    expect((e as UploadError).message).toMatch(/row 2, column “score”: “n\/a” is not a number/);
    expect(userData.find('runs')?.mapping).toBe(null);
  });

  it('loads Parquet and joins it under its own benchmark id', async () => {
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'model', data: ['p1', 'p2'], type: 'STRING' },
        { name: 'metric', data: ['m', 'm'], type: 'STRING' },
        { name: 'value', data: [1, 2], type: 'DOUBLE' },
      ],
    });
    const { info } = await userData.add(new Blob([buf]), 'panel.parquet');
    expect(info).toMatchObject({ format: 'parquet', rows: 2 });
    const r = await db.query("select model, benchmark from main.results_all where upload = 'mine.panel' order by model");
    expect(r.rows).toEqual([
      { model: 'p1', benchmark: 'mine:panel' },
      { model: 'p2', benchmark: 'mine:panel' },
    ]);
  });

  it('rebuilds every table from the store at the next boot, and deletes', async () => {
    const second = createNodeDbWithUserData(dataDir, store);
    const r = await second.db.query("select count(*) as n from main.results_all where is_mine");
    expect(r.rows[0].n).toBe(4);
    expect(second.userData.tables.map((t) => t.name)).toEqual(['my_results', 'semi', 'runs', 'panel']);
    await second.userData.remove('my_results');
    expect((await second.db.query('select count(*) as n from main.results_all where is_mine')).rows[0].n).toBe(2);
    const gone = await second.db.query('select * from mine.my_results').catch((e: unknown) => e);
    expect(String(gone)).toMatch(/my_results/);
  });
});

describe('tables the app writes (mine.scores)', () => {
  it('creates, replaces and, when empty, removes a table under a fixed name, kept in the store', async () => {
    const first = await userData.put('scores', file('id,apc\na,1.5\nb,2\n'), 'scores.csv');
    expect(first).toMatchObject({ name: 'scores', qualified: 'mine.scores', rows: 2, mapping: null });
    const again = await userData.put('scores', file('id,apc\na,1.5\nb,2\nc,0.5\n'), 'scores.csv');
    expect(again).toMatchObject({ rows: 3, addedAt: first!.addedAt });
    expect((await db.query('select sum(apc) as s from mine.scores')).rows[0].s).toBe(4);
    expect(userData.tables.filter((t) => t.name === 'scores')).toHaveLength(1);
    expect((await store.list()).filter((u) => u.info.name === 'scores')).toHaveLength(1);

    expect(await userData.put('scores', file('id,apc\n'), 'scores.csv')).toBeNull();
    expect(userData.find('scores')).toBeUndefined();
    expect((await store.list()).some((u) => u.info.name === 'scores')).toBe(false);
    await expect(db.query('select * from mine.scores')).rejects.toThrow(/scores/);
  });
});
