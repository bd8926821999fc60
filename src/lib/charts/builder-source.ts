// The source line of a chart-builder chart: a catalog table's benchmark and licence; for a SQL result,
// the catalog tables the query reads and the benchmarks (and licences) they, or a "benchmark" column
// of the rows, belong to — and the visitor's own tables, named as theirs with no licence claimed
// (the rule downloads follow, row-sources.ts).
import { tablesNamed } from '../console/sources.ts';
import { exportSources, SOURCE_COLUMNS, userTablesNamed } from '../export/row-sources.ts';
import type { BenchmarkEntry, Catalog, TableInfo } from '../types.ts';
import type { ChartRow, ChartSource } from './spec.ts';
import { licenceText } from '../licence-words.ts';
import { withOwnRows } from './own-rows-source.ts';

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

/**
 * `tablesRead`: the catalog tables the db client loads for the query (DbClient.tablesFor); `rows`: rows
 * holding every value of the result's benchmark, is_mine and upload columns; `own`: the visitor's
 * tables, as "mine.x" (an embed has none).
 */
export function querySource(catalog: Catalog, sql: string, tablesRead: string[], rows: ChartRow[], own: readonly string[] = []): ChartSource {
  const tables = tablesNamed(catalog, sql, tablesRead).map((t) => t.qualified);
  // Chart rows carry no column types: a column is of the kind its values are.
  const kind = { benchmark: 'string', is_mine: 'boolean', upload: 'string' } as const;
  const columns = SOURCE_COLUMNS.filter((name) => rows.some((r) => typeof r[name] === kind[name])).map((name) => ({ name, kind: kind[name] }));
  const { benchmarks, mine } = exportSources(catalog, { released: tables, mine: userTablesNamed(sql, own) }, columns, rows);
  const names = benchmarks.map((b) => b.short);
  // Each licence with its benchmark when there are several ("A: MIT, mixed terms; B: MIT"), else it is not
  // said which rows fall under which; beyond a few, each benchmark's page says it.
  const licences =
    benchmarks.length <= 1
      ? benchmarks.map((b) => licenceText(b.license))
      : benchmarks.length <= NAMED
        ? [benchmarks.map((b) => `${b.short}: ${licenceText(b.license)}`).join('; ')]
        : ['per benchmark (each benchmark’s page gives its licence)'];
  const table = tables.length ? tables.join(', ') : 'SQL query';
  // Rows of the visitor's tables alone (mine.gym, or main.results_all's is_mine rows) are not Personascope's.
  const released: ChartSource | null =
    benchmarks.length === 0 && mine.length > 0
      ? null
      : {
          benchmark: names.length === 0 ? 'Personascope' : names.length <= NAMED ? names.join(', ') : `${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`,
          benchmarkId: benchmarks.length === 1 ? benchmarks[0].id : 'query',
          benchmarkIds: benchmarks.map((b) => b.id),
          table,
          license: licences.length ? licences.join(', ') : 'not stated',
        };
  return withOwnRows(released, mine, { benchmarkId: 'query', table });
}
