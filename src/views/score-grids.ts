// Which score grid a benchmark page shows. A benchmark with its own scores table gets a grid
// over it; any other benchmark that feeds main.results gets a grid over its rows there.
import type { ScoreGridSpec } from '../components/ScoreGrid.svelte';
import { quoteIdent } from '../lib/db/index.ts';
import type { BenchmarkEntry, TableInfo } from '../lib/types.ts';

export interface ScoreGridChoice {
  spec: ScoreGridSpec;
  /** The table the scores are read from, for its provenance line. */
  table: TableInfo | undefined;
  /** Provenance said in words when the table is a shared one. */
  sourceNote?: string;
}

/** Benchmark id → how its own scores table maps onto rows (models) and columns (tasks). */
const OWN_SCORE_TABLES: Record<string, { table: string; row: string; column: string; value: string; summary?: string }> = {
  personagym: { table: 'scores', row: 'model', column: 'task', value: 'score', summary: 'PersonaScore' },
};

/** How rows of main.results name their origin. */
export const RESULTS_SOURCE_NOTE = (entry: BenchmarkEntry): string =>
  `${entry.short}'s release; each row's source column names the file (and key) it was read from.`;

export function scoreGridFor(entry: BenchmarkEntry, resultsTable: TableInfo | undefined): ScoreGridChoice | null {
  const own = OWN_SCORE_TABLES[entry.id];
  const table = own && entry.tables.find((t) => t.name === own.table);
  if (own && table) {
    const unit = table.columns.find((c) => c.name === own.value)?.unit ?? null;
    const spec: ScoreGridSpec = {
      sql:
        `SELECT ${quoteIdent(own.row)} AS row_key, ${quoteIdent(own.column)} AS column_key, ${quoteIdent(own.value)} AS value\n` +
        `FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)}\nORDER BY column_key, row_key`,
      rowHeader: 'Model',
      caption: `${entry.short}: ${table.title}`,
      summaryColumn: own.summary,
      unit,
    };
    return { spec, table };
  }
  if (entry.resultsRows > 0) {
    const spec: ScoreGridSpec = {
      // Metric names prefix the subset only when the benchmark reports more than one metric.
      sql: `SELECT model AS row_key,
       CASE WHEN (SELECT count(DISTINCT metric) FROM main.results WHERE benchmark = $1) > 1
            THEN metric || ' · ' || subset ELSE subset END AS column_key,
       value, unit
FROM main.results WHERE benchmark = $1
ORDER BY metric, subset, model`,
      params: [entry.id],
      rowHeader: 'Model',
      caption: `${entry.short}: model results`,
      summaryColumn: 'overall',
    };
    return { spec, table: resultsTable, sourceNote: RESULTS_SOURCE_NOTE(entry) };
  }
  return null;
}
