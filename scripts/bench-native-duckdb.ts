// The native side of the upload-interactions bench: the same CSV read into mine.<name> by native DuckDB
// (@duckdb/node-api) with the browser's own read_csv statement, and table-browser SQL timed on it.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Sql } from '../src/lib/explore/table-query.ts';
import { prepareBytes } from '../src/lib/db/user-data/prepare.ts';
import { asTableInfo } from '../src/lib/db/user-data/service.ts';
import { quoteIdent } from '../src/lib/db/sql-text.ts';
import { createFromCsvSql, MINE } from '../src/lib/db/user-data/user-tables.ts';
import type { TableInfo } from '../src/lib/types.ts';

export interface NativeTable {
  connection: DuckDBConnection;
  /** The table as the table browser sees it (kinds from the same mapping as an upload's). */
  table: TableInfo;
  /** "name TYPE" per column, to compare with the browser's. */
  columnTypes: string[];
  version: string;
  threads: number;
  loadMs: number;
  close(): void;
}

/** Reads `csvFile` into mine.<name> on an in-memory native DuckDB, as an upload of that file would. */
export async function loadCsvNatively(csvFile: string, name: string): Promise<NativeTable> {
  const bytes = fs.readFileSync(csvFile);
  // The browser's checks and delimiter sniffing, so the read_csv options match the upload's.
  const prepared = await prepareBytes(bytes, path.basename(csvFile), 'text/csv');
  if (prepared.format !== 'csv') throw new Error(`${csvFile} was not taken for CSV (${prepared.format})`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const t0 = performance.now();
  await connection.run(`CREATE SCHEMA ${MINE}`);
  await connection.run(createFromCsvSql(name, csvFile, prepared.delimiter));
  const loadMs = performance.now() - t0;
  const read = async (sql: string, values: DuckDBValue[] = []) => (await connection.runAndReadAll(sql, values)).getRowObjectsJS();
  const columns = (await read('SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = $1 AND table_name = $2 ORDER BY column_index', [MINE, name])).map(
    (r) => ({ name: String(r.name), type: String(r.type) }),
  );
  const [count] = await read(`SELECT count(*)::BIGINT AS n FROM ${MINE}.${quoteIdent(name)}`);
  const [settings] = await read("SELECT version() AS version, current_setting('threads')::INTEGER AS threads");
  const table = asTableInfo({
    name,
    qualified: `${MINE}.${name}`,
    fileName: path.basename(csvFile),
    format: 'csv',
    bytes: bytes.length,
    rows: Number(count.n),
    columns,
    addedAt: new Date().toISOString(),
    url: null,
    mapping: null,
  });
  return {
    connection,
    table,
    columnTypes: columns.map((c) => `${c.name} ${c.type}`),
    version: String(settings.version),
    threads: Number(settings.threads),
    loadMs,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs one statement with its parameters and reads every row into JS objects; returns the ms and the rows. */
export async function timeStatement(connection: DuckDBConnection, q: Sql): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const t0 = performance.now();
  const reader = await connection.runAndReadAll(q.sql, q.params);
  const rows = reader.getRowObjectsJS();
  return { ms: performance.now() - t0, rows };
}
