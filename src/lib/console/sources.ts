// Where a console result's rows come from: the catalog tables the query names, and — when the result
// has a "benchmark" column (rows of main.results, main.claims …) — the benchmarks named in it.
import type { DbClient } from '../db/client.ts';
import type { BenchmarkEntry, Catalog, CellValue, TableInfo } from '../types.ts';
import { findBenchmark } from '../catalog/search.ts';
import { benchmarksOf } from '../export/bibtex.ts';
import { tableRef } from '../explore/table-query.ts';
import { distinctReader, type ConsoleResult } from './run-query.ts';

export interface ResultSources {
  tables: TableInfo[];
  benchmarks: BenchmarkEntry[];
}

/**
 * The db client loads every table a query may read (it matches bare names too); a table outside
 * main counts as read only when its schema is named as well, so provenance does not over-claim.
 */
export function tablesNamed(catalog: Catalog, sql: string, candidates: string[]): TableInfo[] {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? []);
  const all = [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)];
  return candidates.flatMap((q) => {
    const t = all.find((x) => x.qualified === q);
    return t && (t.schema === 'main' || words.has(t.schema.toLowerCase())) ? [t] : [];
  });
}

export async function resultSources(
  catalog: Catalog,
  db: Pick<DbClient, 'tablesFor'>,
  sql: string,
  result: Pick<ConsoleResult, 'columns' | 'distinct'>,
  signal?: AbortSignal,
): Promise<ResultSources> {
  const tables = tablesNamed(catalog, sql, db.tablesFor(sql));
  let ids: string[] = [];
  if (result.columns.some((c) => c.name === 'benchmark' && c.kind === 'string')) {
    // Unread, the column's benchmarks are left out; the tables read still name theirs.
    const named = await result.distinct('benchmark', signal).catch((e: unknown): CellValue[] => {
      if (signal?.aborted) throw e;
      return [];
    });
    ids = named.filter((v): v is string => typeof v === 'string');
  }
  return { tables, benchmarks: benchmarksOf(catalog, tables.map((t) => t.qualified), ids) };
}

/** The same for a query opened as a table (a result page, see query-table.ts). */
export function queryTableSources(
  catalog: Catalog,
  db: Pick<DbClient, 'tablesFor' | 'query'>,
  sql: string,
  table: TableInfo,
  signal?: AbortSignal,
): Promise<ResultSources> {
  return resultSources(catalog, db, sql, { columns: table.columns, distinct: distinctReader(db, tableRef(table)) }, signal);
}

/** Where rows of main.results come from: that shared table, and these benchmarks (in this order, once each). */
export function resultsRowSources(catalog: Catalog, benchmarkIds: string[]): ResultSources {
  return {
    tables: catalog.shared.filter((t) => t.qualified === 'main.results'),
    benchmarks: [...new Set(benchmarkIds)].flatMap((id) => findBenchmark(catalog, id) ?? []),
  };
}
