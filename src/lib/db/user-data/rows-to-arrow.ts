// Plain JS rows (from JSON lines or Parquet) → an Arrow IPC stream DuckDB can insert.
// Column types are inferred from every value: numbers, booleans, else text (objects as JSON).
import * as arrow from 'apache-arrow';
import { UploadError } from './upload-error.ts';

type Kind = 'empty' | 'int' | 'float' | 'bool' | 'text';

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 ? 'int' : Number.isFinite(v) ? 'float' : 'text';
  if (typeof v === 'bigint') return v >= -(2n ** 31n) && v < 2n ** 31n ? 'int' : 'float';
  return 'text';
}

function merge(a: Kind, b: Kind): Kind {
  if (a === b || b === 'empty') return a;
  if (a === 'empty') return b;
  if ((a === 'int' && b === 'float') || (a === 'float' && b === 'int')) return 'float';
  return 'text';
}

function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object')
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? Array.from(x) : x));
  return String(v);
}

/** Column names in first-seen order across all rows. */
export function columnNames(rows: Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  return [...names];
}

export function rowsToArrowIPC(rows: Record<string, unknown>[], names = columnNames(rows)): Uint8Array {
  if (rows.length === 0) throw new UploadError('the file has no rows.');
  if (names.length === 0) throw new UploadError('the rows have no fields.');
  const seen = new Map<string, string>();
  for (const n of names) {
    const key = n.toLowerCase();
    // DuckDB column names are case-insensitive: "Model" and "model" cannot both be columns.
    if (seen.has(key)) throw new UploadError(`the fields “${seen.get(key)}” and “${n}” differ only in case; rename one.`);
    seen.set(key, n);
  }
  const columns: Record<string, arrow.Vector> = {};
  for (const name of names) {
    let kind: Kind = 'empty';
    for (const r of rows) kind = merge(kind, kindOf(r[name]));
    const values = rows.map((r) => r[name]);
    if (kind === 'int') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Number(v))), new arrow.Int32());
    else if (kind === 'float') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Number(v))), new arrow.Float64());
    else if (kind === 'bool') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Boolean(v))), new arrow.Bool());
    else columns[name] = arrow.vectorFromArray(values.map(toText), new arrow.Utf8());
  }
  return arrow.tableToIPC(new arrow.Table(columns), 'stream');
}
