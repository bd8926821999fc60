// Turns an Arrow result into plain JS rows: no BigInt, no Arrow objects reach the views.
import * as arrow from 'apache-arrow';
import type { CellValue, ColumnKind, QueryResult, ResultColumn } from '../types.ts';

function kindOf(type: arrow.DataType): ColumnKind | 'other' {
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8?.(type) || arrow.DataType.isDictionary(type)) return 'string';
  if (arrow.DataType.isInt(type) || arrow.DataType.isFloat(type) || arrow.DataType.isDecimal(type)) return 'number';
  if (arrow.DataType.isBool(type)) return 'boolean';
  if (arrow.DataType.isDate(type) || arrow.DataType.isTimestamp(type)) return 'string';
  return 'other';
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value && typeof value === 'object') {
    if ('toJSON' in value && typeof (value as { toJSON: unknown }).toJSON === 'function')
      return jsonSafe((value as { toJSON(): unknown }).toJSON());
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (v) => jsonSafe(v));
    if (Array.isArray(value)) return value.map(jsonSafe);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

function convert(value: unknown, type: arrow.DataType): CellValue {
  if (value === null || value === undefined) return null;
  if (arrow.DataType.isDecimal(type)) {
    const scale = (type as arrow.Decimal).scale;
    return Number(arrow.util.bigNumToNumber(value as never, scale));
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (arrow.DataType.isDate(type)) return new Date(value as number).toISOString().slice(0, 10);
  if (arrow.DataType.isTimestamp(type)) return new Date(value as number).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  return JSON.stringify(jsonSafe(value));
}

export function tableToResult(table: arrow.Table, elapsedMs: number): QueryResult {
  const fields = table.schema.fields;
  const columns: ResultColumn[] = fields.map((f) => ({ name: f.name, type: String(f.type), kind: kindOf(f.type) }));
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const rows: Record<string, CellValue>[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, CellValue> = {};
    fields.forEach((f, i) => {
      row[f.name] = convert(vectors[i]?.get(r), f.type);
    });
    rows[r] = row;
  }
  return { columns, rows, elapsedMs };
}
