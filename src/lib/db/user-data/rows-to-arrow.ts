// Plain JS rows (from JSON lines or Parquet) → an Arrow IPC stream DuckDB can insert.
// Column types are the file's where it states them (Parquet), else inferred from every value:
// numbers, booleans, else text (objects as JSON).
import * as arrow from 'apache-arrow';
import { UploadError } from './upload-error.ts';

/**
 * A type the file states for a column, with its values as the reader gives them: int64/uint64/time/
 * timestamp as bigint (time and timestamps in microseconds), double as numbers, date as days since 1970,
 * json as any value.
 */
export type StatedType = 'int64' | 'uint64' | 'double' | 'date' | 'time' | 'timestamp' | 'json';

type Kind = 'empty' | 'int' | 'bigint' | 'float' | 'bool' | 'text';

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 ? 'int' : Number.isFinite(v) ? 'float' : 'text';
  if (typeof v === 'bigint') return 'bigint';
  return 'text';
}

function merge(a: Kind, b: Kind): Kind {
  if (a === b || b === 'empty') return a;
  if (a === 'empty') return b;
  const numbers = [a, b].sort().join(' ');
  if (numbers === 'bigint int') return 'bigint';
  if (numbers === 'float int' || numbers === 'bigint float') return 'float';
  return 'text';
}

// Big integers as bare JSON numbers (every digit), not quoted: a JSON reader sees numbers.
const BIG = '\u0000bigint:';
function toJson(v: unknown): string {
  const json = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${BIG}${x}` : x instanceof Uint8Array ? Array.from(x) : x));
  return json.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return toJson(v);
  return String(v);
}

/** A column of 64-bit values (bigint, or numbers for dates), nulls kept, with no rounding through doubles. */
function int64Vector(type: arrow.Int64 | arrow.Uint64 | arrow.TimeMicrosecond | arrow.TimestampMicrosecond, values: unknown[]): arrow.Vector {
  const data = type instanceof arrow.Uint64 ? new BigUint64Array(values.length) : new BigInt64Array(values.length);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else {
      data[i] = BigInt(v as bigint | number);
      valid[i >> 3] |= 1 << (i & 7);
    }
  });
  return arrow.makeVector(arrow.makeData({ type, length: values.length, nullCount, nullBitmap: valid, data } as never));
}

function statedVector(type: StatedType, values: unknown[]): arrow.Vector {
  switch (type) {
    case 'int64':
      return int64Vector(new arrow.Int64(), values);
    case 'uint64':
      return int64Vector(new arrow.Uint64(), values);
    case 'time':
      return int64Vector(new arrow.TimeMicrosecond(), values);
    case 'timestamp':
      return int64Vector(new arrow.TimestampMicrosecond(), values);
    case 'double':
      return arrow.vectorFromArray(values.map((v) => (v == null ? null : Number(v))), new arrow.Float64());
    case 'date':
      return arrow.vectorFromArray(values.map((d) => (d == null ? null : Number(d) * 86_400_000)), new arrow.DateDay());
    case 'json':
      return arrow.vectorFromArray(values.map((v) => (v == null ? null : toJson(v))), new arrow.Utf8());
  }
}

/** Column names in first-seen order across all rows. */
export function columnNames(rows: Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  return [...names];
}

export function rowsToArrowIPC(rows: Record<string, unknown>[], names = columnNames(rows), types: Record<string, StatedType> = {}): Uint8Array {
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
    const values = rows.map((r) => r[name]);
    const stated = types[name];
    if (stated) {
      columns[name] = statedVector(stated, values);
      continue;
    }
    let kind: Kind = 'empty';
    for (const v of values) kind = merge(kind, kindOf(v));
    if (kind === 'bigint') columns[name] = int64Vector(new arrow.Int64(), values);
    else if (kind === 'int') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Number(v))), new arrow.Int32());
    else if (kind === 'float') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Number(v))), new arrow.Float64());
    else if (kind === 'bool') columns[name] = arrow.vectorFromArray(values.map((v) => (v == null ? null : Boolean(v))), new arrow.Bool());
    else columns[name] = arrow.vectorFromArray(values.map(toText), new arrow.Utf8());
  }
  return arrow.tableToIPC(new arrow.Table(columns), 'stream');
}
