// A Parquet upload keeps the types its schema states: 64-bit ids exact (BIGINT), DATE, naive TIMESTAMP
// (no time zone added), TIMESTAMPTZ as TIMESTAMP in UTC, TIME; nested columns become JSON text with numbers as numbers, and the
// upload's notes say so. The file is written by native DuckDB, as a user's would be.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { dataDir } from './built-data.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'parquet-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function nativeParquet(select: string): Promise<Uint8Array> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.parquet`);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`SET TimeZone = 'UTC'`);
  await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  return new Uint8Array(readFileSync(file));
}

const { db, userData } = createNodeDbWithUserData(dataDir);

describe('Parquet types', () => {
  it('keeps int64, dates and timestamps exactly, and says which nested columns became JSON text', async () => {
    const bytes = await nativeParquet(`select 'pq-' || i as model, 12345678901234567::BIGINT + i as id, (i * 1000000000000)::BIGINT as big,
      TIMESTAMP '2024-03-01 12:00:00.123456' + INTERVAL (i) HOUR as ts, TIMESTAMPTZ '2024-03-01 12:00:00+00' as tstz,
      DATE '2024-01-01' + i::INTEGER as d, TIME '13:14:15.5' as t, [i * 10000000000, i + 1] as lst, {'a': i, 'b': 'x'} as st,
      CASE WHEN i = 3 THEN NULL ELSE i::DECIMAL(10,3) END as dec, CASE WHEN i = 2 THEN NULL ELSE i END::BIGINT as gaps
      from range(1, 6) t(i)`);
    const { info, notes } = await userData.add(new Blob([bytes as BlobPart]), 'x.parquet');
    expect(Object.fromEntries(info.columns.map((c) => [c.name, c.type]))).toEqual({
      model: 'VARCHAR',
      id: 'BIGINT',
      big: 'BIGINT',
      ts: 'TIMESTAMP',
      tstz: 'TIMESTAMP',
      d: 'DATE',
      t: 'TIME',
      lst: 'VARCHAR',
      st: 'VARCHAR',
      dec: 'DOUBLE',
      gaps: 'BIGINT',
    });
    const r = await db.query(
      `select id::VARCHAR as id, big::VARCHAR as big, ts::VARCHAR as ts, d::VARCHAR as d, t::VARCHAR as t, lst, st, gaps::VARCHAR as gaps,
        count(distinct id) over () as ids from mine.x order by id`,
    );
    expect(r.rows[0]).toEqual({
      id: '12345678901234568',
      big: '1000000000000',
      ts: '2024-03-01 13:00:00.123456',
      d: '2024-01-02',
      t: '13:14:15.5',
      lst: '[10000000000,2]',
      st: '{"a":1,"b":"x"}',
      gaps: '1',
      ids: 5,
    });
    expect(r.rows.map((x) => x.id)).toEqual(['12345678901234568', '12345678901234569', '12345678901234570', '12345678901234571', '12345678901234572']);
    expect(r.rows.map((x) => x.gaps)).toEqual(['1', null, '3', '4', '5']);
    // A UTC instant is a plain TIMESTAMP in UTC: time-zone functions would make DuckDB-WASM fetch its ICU extension.
    expect((await db.query(`select tstz::VARCHAR as tstz, epoch(tstz) as e from mine.x limit 1`)).rows).toEqual([{ tstz: '2024-03-01 12:00:00', e: 1709294400 }]);
    expect(notes).toEqual([
      'lst, st are nested columns (list, struct or map) in the file and were kept as JSON text.',
      'tstz holds instants with a time zone in the file; it is kept as TIMESTAMP in UTC (no time zone attached).',
    ]);
  });
});
