// Prints query results as an aligned text table for terminals.
import type { QueryResult } from '../src/lib/types.ts';

const MAX_CELL = 60;

function cell(v: unknown): string {
  const s = v === null ? 'NULL' : String(v);
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? flat.slice(0, MAX_CELL - 1) + '…' : flat;
}

export function formatTable(result: QueryResult): string {
  const names = result.columns.map((c) => c.name);
  const body = result.rows.map((r) => names.map((n) => cell(r[n])));
  const widths = names.map((n, i) => Math.max(n.length, ...body.map((row) => row[i].length)));
  const numeric = result.columns.map((c) => c.kind === 'number');
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' │ ');
  return [line(names), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}
