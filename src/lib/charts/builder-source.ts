// The source line of a chart-builder chart: a catalog table's benchmark and licence; for a SQL result,
// the catalog tables the query reads and the benchmarks (and licences) they, or a "benchmark" column
// of the rows, belong to.
import { tablesNamed } from '../console/sources.ts';
import { benchmarksOf } from '../export/bibtex.ts';
import type { BenchmarkEntry, Catalog, TableInfo } from '../types.ts';
import type { ChartRow, ChartSource } from './spec.ts';
import { licenceText } from '../licence-words.ts';

/** Benchmarks named one by one in a source line before the rest are counted. */
const NAMED = 3;

export function tableSource(table: TableInfo, entry?: BenchmarkEntry): ChartSource {
  return {
    benchmark: entry?.short ?? table.schema,
    benchmarkId: entry?.id ?? table.schema,
    table: table.qualified,
    // The shared tables (main.results …) hold rows of many benchmarks, each under its own licence.
    license: entry ? licenceText(entry.license) : table.schema === 'main' ? 'per benchmark (column “benchmark”)' : 'not stated',
  };
}

/** `tablesRead`: the catalog tables the db client loads for the query (DbClient.tablesFor). */
export function querySource(catalog: Catalog, sql: string, tablesRead: string[], rows: ChartRow[]): ChartSource {
  const tables = tablesNamed(catalog, sql, tablesRead).map((t) => t.qualified);
  const ids = [...new Set(rows.map((r) => r.benchmark).filter((v): v is string => typeof v === 'string'))];
  const benchmarks = benchmarksOf(catalog, tables, ids);
  const names = benchmarks.map((b) => b.short);
  // Each licence with its benchmark when there are several ("A: MIT, mixed terms; B: MIT"), else it is not
  // said which rows fall under which; beyond a few, each benchmark's page says it.
  const licences =
    benchmarks.length <= 1
      ? benchmarks.map((b) => licenceText(b.license))
      : benchmarks.length <= NAMED
        ? [benchmarks.map((b) => `${b.short}: ${licenceText(b.license)}`).join('; ')]
        : ['per benchmark (each benchmark’s page gives its licence)'];
  return {
    benchmark: names.length === 0 ? 'Personascope' : names.length <= NAMED ? names.join(', ') : `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`,
    benchmarkId: benchmarks.length === 1 ? benchmarks[0].id : 'query',
    benchmarkIds: benchmarks.map((b) => b.id),
    table: tables.length ? tables.join(', ') : 'SQL query',
    license: licences.length ? licences.join(', ') : 'not stated',
  };
}
