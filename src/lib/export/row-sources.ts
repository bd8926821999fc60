// Which released benchmarks, and which of the visitor's own tables, exported rows come from. A
// benchmark is credited only for rows read from its released tables: an upload's rows (schema mine,
// and the is_mine rows of main.results_all) are named as the visitor's, whatever benchmark id their
// "benchmark" column carries, and no licence is claimed for them.
import { sqlNames } from '../db/sql-text.ts';
import { MINE, RESULTS_VIEW } from '../db/user-data/names.ts';
import type { BenchmarkEntry, Catalog, CellValue } from '../types.ts';
import { benchmarksOf } from './bibtex.ts';

/** Where every mapped upload's rows reach main.results_all from. */
export const MINE_RESULTS = `${MINE}.${RESULTS_VIEW}`;

/** The columns of rows that exportSources reads to tell whose rows they are. */
export const SOURCE_COLUMNS = ['benchmark', 'is_mine', 'upload'] as const;

/**
 * The visitor's tables that a query names: any mine.x written out (uploads, the app's mine.results,
 * tables made in the console), and those of `known` ("mine.x") named bare in a script that names the
 * schema too (USE mine; … gym), as the console lets it.
 */
export function userTablesNamed(sql: string, known: readonly string[]): string[] {
  const { qualified, bare } = sqlNames(sql);
  const named = known.filter((q) => {
    const [schema, name] = q.toLowerCase().split('.');
    return qualified.has(`${schema}.${name}`) || (bare.has(schema) && bare.has(name));
  });
  const written = [...qualified].filter((q) => q.startsWith('mine.') && !named.some((n) => n.toLowerCase() === q));
  return [...named, ...written];
}

export interface RowsRead {
  /** Catalog (released or shared main.*) tables the rows were read from. */
  released: string[];
  /** The visitor's own tables the rows were read from ("mine.gym"). */
  mine: string[];
}

export function exportSources(
  catalog: Catalog,
  read: RowsRead,
  columns: readonly { name: string; kind: string }[],
  rows: readonly Record<string, CellValue>[],
): { benchmarks: BenchmarkEntry[]; mine: string[] } {
  const has = (name: string, kind: string) => columns.some((c) => c.name === name && c.kind === kind);
  const catalogTables = [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)];
  // Rows of a shared table (main.results …) name their benchmark. Values typed into the query itself
  // (no table read) are taken at their word too; rows of the visitor's tables alone are not.
  const namesBenchmark =
    has('benchmark', 'string') &&
    (read.released.some((q) => catalogTables.find((t) => t.qualified === q)?.columns.some((c) => c.name === 'benchmark')) ||
      (read.released.length === 0 && read.mine.length === 0));
  const flagged = has('is_mine', 'boolean');
  const released = flagged ? rows.filter((r) => r.is_mine !== true) : rows;
  const ids = namesBenchmark ? released.map((r) => r.benchmark).filter((v): v is string => typeof v === 'string') : [];
  // main.results_all's own rows say which upload they come from.
  const uploads = flagged
    ? rows.filter((r) => r.is_mine === true).map((r) => (has('upload', 'string') && typeof r.upload === 'string' ? r.upload : MINE_RESULTS))
    : [];
  return {
    benchmarks: benchmarksOf(catalog, read.released, [...new Set(ids)]),
    mine: [...new Set([...read.mine, ...uploads])],
  };
}
