// A builder histogram of more rows than the builder reads: DuckDB counts every row the filters keep
// into the bins Plot would choose for the same values, so no bin is counted from a sample.
import type { DbClient } from '../db/client.ts';
import { quoteIdent } from '../db/sql-text.ts';
import { tableRef, whereClause, type Sql } from '../explore/table-query.ts';
import type { TableViewState } from '../state/url-state.ts';
import type { CellValue, TableInfo } from '../types.ts';
import type { BuilderState, DrawnFrom } from './builder.ts';
import type { ChartRow } from './spec.ts';
import { binStep, DEFAULT_BINS, thresholdsOver } from './export/histogram-bins.ts';

/** The width of Plot's bins over [min, max] in words ("5", "0.1"); null when there is one bin. */
function binWidth(min: number, max: number): string | null {
  const step = binStep(min, max, DEFAULT_BINS);
  return step === null ? null : String(step > 0 ? step : 1 / -step);
}

/** The histogram's rows and the clause that keeps them: the filters, and x, colour and facet all there. */
function kept(table: TableInfo, filters: TableViewState, state: BuilderState): { from: string; where: Sql; value: string; groups: string[] } {
  const groups = [...new Set([state.color, state.facet].filter(Boolean))];
  const where = whereClause(table, filters);
  const present = [state.x, ...groups].map((c) => `${quoteIdent(c)} IS NOT NULL`);
  const sql = `${where.sql ? `${where.sql} AND` : ' WHERE'} ${present.join(' AND ')}`;
  return { from: tableRef(table), where: { sql, params: where.params }, value: `CAST(${quoteIdent(state.x)} AS DOUBLE)`, groups };
}

/** A field name for the histogram's own columns that no chosen column has. */
function freeName(names: string[], taken: string[]): string {
  return names.find((n) => !taken.includes(n)) ?? `__${names[0]}`;
}

/** Bin counts of every row the filters keep, as rows for builderSpec with `drawnFrom` saying what they are. */
export async function binnedRows(
  db: Pick<DbClient, 'query'>,
  table: TableInfo,
  filters: TableViewState,
  state: BuilderState,
  signal?: AbortSignal,
): Promise<{ rows: ChartRow[]; drawnFrom: DrawnFrom }> {
  const { from, where, value: v, groups } = kept(table, filters, state);
  const taken = [state.x, ...groups];
  const count = freeName(['count', 'rows', 'n'], taken);
  const end = freeName([`${state.x}_to`, 'bin_end'], taken);
  const extentSql = `SELECT min(${v}) FILTER (WHERE isfinite(${v})) AS lo, max(${v}) FILTER (WHERE isfinite(${v})) AS hi, count(*) FILTER (WHERE NOT isfinite(${v}))::INTEGER AS skipped FROM ${from}${where.sql}`;
  const [extent] = (await db.query(extentSql, { params: where.params, signal })).rows;
  const notFinite = Number(extent?.skipped ?? 0);
  if (typeof extent?.lo !== 'number' || typeof extent.hi !== 'number') return { rows: [], drawnFrom: { kind: 'binned', count, end, width: null, notFinite } };
  const thresholds = thresholdsOver(extent.lo, extent.hi, DEFAULT_BINS);
  const bins = Math.max(1, thresholds.length - 1);
  // Bin j holds t_j ≤ v < t_j+1, as Plot bisects. Thresholds travel as text cast to DOUBLE: DuckDB-WASM's
  // JSON parameters can round a double's last digit, which would move values on a bin edge.
  const params: CellValue[] = [...where.params];
  const threshold = (t: number) => {
    params.push(String(t));
    return `CAST($${params.length} AS DOUBLE)`;
  };
  const whens = thresholds.slice(1, bins).map((t, j) => `WHEN ${v} < ${threshold(t)} THEN ${j}`);
  const bin = whens.length ? `CASE ${whens.join(' ')} ELSE ${bins - 1} END` : '0';
  const keys = groups.map((g, i) => `${quoteIdent(g)} AS ${quoteIdent(`k${i}`)}`);
  const order = [...groups.map((_, i) => quoteIdent(`k${i}`)), 'bin'].join(', ');
  const countSql = `SELECT ${[`${bin} AS bin`, ...keys, 'count(*)::INTEGER AS n'].join(', ')} FROM ${from}${where.sql} AND isfinite(${v}) GROUP BY ALL ORDER BY ${order}`;
  const counted = (await db.query(countSql, { params, signal })).rows;
  // Every bin of every colour and panel there is, empty ones as 0: a bar chart would close up a gap.
  const combos = new Map<string, ChartRow>(groups.length ? [] : [['[]', {}]]);
  const n = new Map<string, number>();
  for (const r of counted) {
    const values = groups.map((_, i) => r[`k${i}`]);
    const id = JSON.stringify(values);
    if (!combos.has(id)) combos.set(id, Object.fromEntries(groups.map((g, i) => [g, values[i]])));
    n.set(`${id} ${r.bin}`, Number(r.n));
  }
  const rows: ChartRow[] = [];
  for (let j = 0; j < bins; j++) {
    // One bin on a numeric axis would be drawn around its value, not as a bar: it is a label then.
    const lo = thresholds.length > 1 ? thresholds[j] : String(thresholds[0]);
    const hi = thresholds.length > 1 ? thresholds[j + 1] : thresholds[0];
    for (const [id, combo] of combos) rows.push({ ...combo, [state.x]: lo, [end]: hi, [count]: n.get(`${id} ${j}`) ?? 0 });
  }
  return { rows, drawnFrom: { kind: 'binned', count, end, width: binWidth(extent.lo, extent.hi), notFinite } };
}
