// Writes a DuckDB table as a gzipped Arrow IPC stream: the browser hands the bytes straight to
// duckdb-wasm's insertArrowFromIPCStream (no Parquet/JSON extension needed, types kept exactly).
import zlib from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import type { ColumnKind } from '../../src/lib/types.ts';

export interface ExportedColumn {
  name: string;
  type: string;
  kind: ColumnKind;
}

const INT32 = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT']);
const WIDE_INT = new Set(['BIGINT', 'HUGEINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']);
const FLOAT = new Set(['FLOAT', 'DOUBLE']);

/** Chooses the published type of each column; complex types must be flattened by the recipe. */
async function plan(conn: DuckDBConnection, qualified: string): Promise<{ select: string; columns: ExportedColumn[] }> {
  const described = (await conn.runAndReadAll(`DESCRIBE ${qualified}`)).getRowObjectsJS() as {
    column_name: string;
    column_type: string;
  }[];
  const parts: string[] = [];
  const columns: ExportedColumn[] = [];
  for (const { column_name: name, column_type: type } of described) {
    const q = `"${name.replaceAll('"', '""')}"`;
    if (type === 'VARCHAR' || type === 'JSON' || type === 'DATE' || type.startsWith('TIMESTAMP') || type === 'UUID') {
      parts.push(`CAST(${q} AS VARCHAR) AS ${q}`);
      columns.push({ name, type: 'VARCHAR', kind: 'string' });
    } else if (type === 'BOOLEAN') {
      parts.push(q);
      columns.push({ name, type, kind: 'boolean' });
    } else if (INT32.has(type)) {
      parts.push(`CAST(${q} AS INTEGER) AS ${q}`);
      columns.push({ name, type: 'INTEGER', kind: 'number' });
    } else if (WIDE_INT.has(type)) {
      // Counts come out of DuckDB as BIGINT; keep them 32-bit when they fit so no BigInt reaches views.
      const r = (await conn.runAndReadAll(`SELECT coalesce(max(abs(${q})) <= 2147483647, true) AS ok FROM ${qualified}`)).getRowObjectsJS();
      const fits = r[0].ok === true;
      parts.push(`CAST(${q} AS ${fits ? 'INTEGER' : 'DOUBLE'}) AS ${q}`);
      columns.push({ name, type: fits ? 'INTEGER' : 'DOUBLE', kind: 'number' });
    } else if (FLOAT.has(type) || type.startsWith('DECIMAL')) {
      parts.push(`CAST(${q} AS DOUBLE) AS ${q}`);
      columns.push({ name, type: 'DOUBLE', kind: 'number' });
    } else {
      throw new Error(`${qualified}.${name} has type ${type}; published tables are flat: cast it to VARCHAR/DOUBLE/INTEGER/BOOLEAN or unnest it in the recipe`);
    }
  }
  return { select: `SELECT ${parts.join(', ')} FROM ${qualified}`, columns };
}

function arrowType(c: ExportedColumn): arrow.DataType {
  if (c.type === 'VARCHAR') return new arrow.Utf8();
  if (c.type === 'INTEGER') return new arrow.Int32();
  if (c.type === 'BOOLEAN') return new arrow.Bool();
  return new arrow.Float64();
}

export async function exportTable(
  conn: DuckDBConnection,
  qualified: string,
): Promise<{ bytes: Uint8Array; rows: number; columns: ExportedColumn[] }> {
  const { select, columns } = await plan(conn, qualified);
  const reader = await conn.runAndReadAll(select);
  const data = reader.getColumnsJS();
  const vectors: Record<string, arrow.Vector> = {};
  columns.forEach((c, i) => {
    // An empty result has no column arrays at all.
    vectors[c.name] = arrow.vectorFromArray((data[i] ?? []) as unknown[], arrowType(c));
  });
  const table = new arrow.Table(vectors);
  const ipc = arrow.tableToIPC(table, 'stream');
  return { bytes: zlib.gzipSync(ipc, { level: 9 }), rows: reader.currentRowCount, columns };
}
