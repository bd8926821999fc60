// JSON: an array of row objects, one row per line (readable, and every JSON reader takes it).
// Non-finite numbers become null, as JSON has no NaN or Infinity.
import type { QueryResult } from '../types.ts';

export function toJson(result: Pick<QueryResult, 'columns' | 'rows'>): string {
  const names = result.columns.map((c) => c.name);
  const rows = result.rows.map((row) => JSON.stringify(Object.fromEntries(names.map((n) => [n, row[n] ?? null]))));
  return rows.length ? `[\n${rows.join(',\n')}\n]\n` : '[]\n';
}
