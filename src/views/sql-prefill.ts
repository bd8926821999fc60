// The query a SQL box starts with: a look at a table, or a benchmark's claims when it ships
// no table. Names come from the catalog and are quoted only when they need it (readability).
import { quoteIdent, quoteLiteral } from '../lib/db/index.ts';
import type { BenchmarkEntry, TableInfo } from '../lib/types.ts';

function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}

export function prefillForTable(table: TableInfo, limit: number): string {
  return `SELECT *\nFROM ${sqlName(table.schema)}.${sqlName(table.name)}\nLIMIT ${Math.trunc(limit)};`;
}

export function prefillForBenchmark(entry: BenchmarkEntry): string {
  const first = entry.tables[0];
  if (first) return prefillForTable(first, 20);
  return `SELECT claim, value, unit, source\nFROM main.claims\nWHERE benchmark = ${quoteLiteral(entry.id)};`;
}
