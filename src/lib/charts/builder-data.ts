// What a builder chart is drawn from, read alike by the page and the embed: the first
// BUILDER_ROW_LIMIT rows the filters keep and how many they keep in all; and, when there are more and
// the chart aggregates or bins, DuckDB's aggregates over all of them, so no mean, sum, count or bin
// is of a sample. A chart of raw rows keeps the limit and says so (builderSpec's subtitle).
import type { DbClient } from '../db/client.ts';
import { quoteIdent } from '../db/sql-text.ts';
import { groupQuery, tableRef, whereClause } from '../explore/table-query.ts';
import { tableService } from '../explore/table-service.ts';
import { SOURCE_COLUMNS } from '../export/row-sources.ts';
import type { TableViewState } from '../state/url-state.ts';
import type { TableInfo } from '../types.ts';
import { binnedRows } from './builder-bins.ts';
import { aggregation, BUILDER_ROW_LIMIT, type BuilderState, type DrawnFrom } from './builder.ts';
import type { ChartRow } from './spec.ts';

type Db = Pick<DbClient, 'query'>;

export interface BuilderSample {
  /** The first rows the filters keep, in the table's order: all of them when `total` ≤ the limit. */
  rows: ChartRow[];
  /** How many rows the filters keep. */
  total: number;
  /** Rows holding every benchmark among all kept rows, and whether each is the visitor's (a query's source line). */
  sourceRows: ChartRow[];
}

export interface BuilderInput {
  rows: ChartRow[];
  drawnFrom: DrawnFrom;
}

/**
 * The rows the builder starts from (defaults, raw marks) and their count, in one statement. `sources`:
 * a query's chart names the benchmarks of its rows, so their "benchmark" values are read from all of them.
 */
export async function readSample(db: Db, table: TableInfo, filters: TableViewState, limit = BUILDER_ROW_LIMIT, signal?: AbortSignal, sources = false): Promise<BuilderSample> {
  const state = { ...filters, sort: null };
  const first = await tableService(db).firstPage(table, state, limit, signal);
  const { total } = first;
  const rows = first.rows as ChartRow[];
  let sourceRows = rows;
  const read = SOURCE_COLUMNS.filter((name) => table.columns.some((c) => c.name === name));
  if (sources && total > rows.length && read.length > 0) {
    const where = whereClause(table, state);
    const distinct = `SELECT DISTINCT ${read.map(quoteIdent).join(', ')} FROM ${tableRef(table)}${where.sql}`;
    sourceRows = (await db.query(distinct, { params: where.params, signal })).rows as ChartRow[];
  }
  return { rows, total, sourceRows };
}

/** Whether the chart reduces rows (aggregates or bins) and the sample is not all of them. */
export function needsAllRows(state: BuilderState, sample: BuilderSample): boolean {
  if (sample.total <= sample.rows.length) return false;
  return state.mark === 'histogram' || aggregation(state).how !== 'none';
}

/** What builderSpec draws for a state: the sample, or DuckDB's aggregates of every kept row where it must. */
export async function builderInput(db: Db, table: TableInfo, filters: TableViewState, state: BuilderState, sample: BuilderSample, signal?: AbortSignal): Promise<BuilderInput> {
  if (!needsAllRows(state, sample)) return sampleInput(sample);
  if (state.mark === 'histogram') return binnedRows(db, table, filters, state, signal);
  const { keys, value, how } = aggregation(state);
  if (how === 'none') return sampleInput(sample);
  const query = groupQuery(table, filters, keys, value, how);
  const result = await db.query(query.sql, { params: query.params, signal });
  // The shape aggregateRows gives: keys as text, the value under its column's name (or "count").
  const out = how === 'count' ? 'count' : (value ?? 'count');
  const rows = result.rows.map((r) => ({
    ...Object.fromEntries(keys.map((k, i) => [k, r[`k${i}`] === null ? null : String(r[`k${i}`])])),
    [out]: r.value,
  }));
  return { rows, drawnFrom: { kind: 'grouped' } };
}

/** The sample as it is: a chart of raw rows (or of all rows, when the sample is all of them). */
export function sampleInput(sample: BuilderSample): BuilderInput {
  return { rows: sample.rows, drawnFrom: { kind: 'first', total: sample.total } };
}
