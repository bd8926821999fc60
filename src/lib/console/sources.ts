// Where a console result's rows come from: the catalog tables the query names, and — when the result
// has a "benchmark" column (rows of main.results, main.claims …) — the benchmarks named in it. The
// visitor's own tables (mine.*, and the is_mine rows of main.results_all) are named as theirs, and no
// benchmark is credited for them (row-sources.ts).
import type { DbClient } from '../db/client.ts';
import type { BenchmarkEntry, Catalog, CellValue, TableInfo } from '../types.ts';
import { findBenchmark } from '../catalog/search.ts';
import { benchmarksOf } from '../export/bibtex.ts';
import { exportSources, SOURCE_COLUMNS, userTablesNamed } from '../export/row-sources.ts';
import { tableRef } from '../explore/table-query.ts';
import { distinctReader, type ConsoleResult } from './run-query.ts';

export interface ResultSources {
  tables: TableInfo[];
  benchmarks: BenchmarkEntry[];
  /** The visitor's own tables the rows come from ("mine.gym"): theirs, no licence claimed. */
  mine: string[];
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

/**
 * What the query's text alone tells: the catalog tables it reads and their benchmarks, and the
 * visitor's tables (`own`, as "mine.x") it names. Shown at once, before the rows are read.
 */
export function namedSources(catalog: Catalog, db: Pick<DbClient, 'tablesFor'>, sql: string, own: readonly string[]): ResultSources {
  const tables = tablesNamed(catalog, sql, db.tablesFor(sql));
  return { tables, benchmarks: benchmarksOf(catalog, tables.map((t) => t.qualified)), mine: userTablesNamed(sql, own) };
}

/** `own`: the visitor's tables, as "mine.x". */
export async function resultSources(
  catalog: Catalog,
  db: Pick<DbClient, 'tablesFor'>,
  sql: string,
  result: Pick<ConsoleResult, 'columns' | 'distinct'>,
  own: readonly string[],
  signal?: AbortSignal,
): Promise<ResultSources> {
  const { tables, mine } = namedSources(catalog, db, sql, own);
  // The benchmarks rows name, and whether they are uploads, from the distinct rows of those columns.
  const read = result.columns.filter((c) => (SOURCE_COLUMNS as readonly string[]).includes(c.name)).map((c) => c.name);
  // Unread, the rows' benchmarks are left out; the tables read still name theirs.
  const rows = read.length
    ? await result.distinct(read, signal).catch((e: unknown): Record<string, CellValue>[] => {
        if (signal?.aborted) throw e;
        return [];
      })
    : [];
  const sources = exportSources(catalog, { released: tables.map((t) => t.qualified), mine }, result.columns, rows);
  return { tables, ...sources };
}

/** The same for a query opened as a table (a result page, see query-table.ts). */
export function queryTableSources(
  catalog: Catalog,
  db: Pick<DbClient, 'tablesFor' | 'query'>,
  sql: string,
  table: TableInfo,
  own: readonly string[],
  signal?: AbortSignal,
): Promise<ResultSources> {
  return resultSources(catalog, db, sql, { columns: table.columns, distinct: distinctReader(db, tableRef(table)) }, own, signal);
}

/** Where rows of main.results come from: that shared table, and these benchmarks (in this order, once each). */
export function resultsRowSources(catalog: Catalog, benchmarkIds: string[]): ResultSources {
  return {
    tables: catalog.shared.filter((t) => t.qualified === 'main.results'),
    benchmarks: [...new Set(benchmarkIds)].flatMap((id) => findBenchmark(catalog, id) ?? []),
    mine: [],
  };
}
