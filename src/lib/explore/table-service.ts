// The table browser's data service: runs table-query.ts's SQL through the db client and shapes the answers.
import type { DbClient } from '../db/client.ts';
import type { TableViewState } from '../state/url-state.ts';
import type { CellValue, ColumnDoc, TableInfo } from '../types.ts';
import { cardinalityQuery, countQuery, facetQuery, firstPageQuery, histogramQuery, pageQuery, rowByNumberQuery, rowNumberAtQuery, rowPositionQuery, summaryQuery, type Sql } from './table-query.ts';

/** Columns with at most this many distinct values get a facet list. */
export const FACET_MAX_DISTINCT = 40;

/** Rows fetched per page; the first page comes with the matching count (firstPageQuery). */
export const PAGE_ROWS = 100;

export interface FacetCount {
  value: CellValue;
  n: number;
}

export interface ColumnSummary {
  rows: number;
  nulls: number;
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Numbers: equal-width bins from min to max. */
  histogram?: { lo: number; hi: number; n: number }[];
  /** Other kinds: the commonest values. */
  top?: FacetCount[];
}

type Run = (q: Sql, signal?: AbortSignal) => Promise<Record<string, CellValue>[]>;

export function tableService(db: Pick<DbClient, 'query'>) {
  const run: Run = async (q, signal) => (await db.query(q.sql, { params: q.params, signal })).rows;
  const cardinality = new Map<string, Promise<Map<string, number>>>();

  /** Distinct values per column (computed once per table). */
  function distinctCounts(table: TableInfo, signal?: AbortSignal): Promise<Map<string, number>> {
    // A query result has no name of its own: its relation (the query) is its key.
    const key = table.relation ?? table.qualified;
    let p = cardinality.get(key);
    if (!p) {
      p = run(cardinalityQuery(table), signal).then(([row]) => new Map(table.columns.map((c, i) => [c.name, Number(row?.[`d${i}`] ?? 0)])));
      cardinality.set(key, p);
      p.catch(() => cardinality.delete(key));
    }
    return p;
  }

  return {
    distinctCounts,

    /** Columns that get a facet list: few distinct values (and more than one). */
    async facetColumns(table: TableInfo, signal?: AbortSignal): Promise<ColumnDoc[]> {
      const counts = await distinctCounts(table, signal);
      return table.columns.filter((c) => {
        const d = counts.get(c.name) ?? 0;
        return d > 1 && d <= FACET_MAX_DISTINCT;
      });
    },

    async count(table: TableInfo, state: TableViewState, signal?: AbortSignal): Promise<number> {
      const [row] = await run(countQuery(table, state), signal);
      return Number(row?.n ?? 0);
    },

    /** The matching count and the first `limit` rows, in one query. */
    async firstPage(table: TableInfo, state: TableViewState, limit: number, signal?: AbortSignal): Promise<{ total: number; rows: Record<string, CellValue>[] }> {
      const rows = await run(firstPageQuery(table, state, limit), signal);
      const total = Number(rows[0]?.__total ?? 0);
      return { total, rows: rows.map(({ __total: _t, ...rest }) => rest) };
    },

    page(table: TableInfo, state: TableViewState, offset: number, limit: number, signal?: AbortSignal) {
      return run(pageQuery(table, state, offset, limit), signal);
    },

    /** The number in the table's own order (from 1) of the row at `index` of the state's rows. */
    async rowNumberAt(table: TableInfo, state: TableViewState, index: number, signal?: AbortSignal): Promise<number | null> {
      const [row] = await run(rowNumberAtQuery(table, state, index), signal);
      return row ? Number(row.n) : null;
    },

    /** Where the row numbered `n` is shown under the state (from 1), or null when the filters leave it out. */
    async rowPosition(table: TableInfo, state: TableViewState, n: number, signal?: AbortSignal): Promise<number | null> {
      const [row] = await run(rowPositionQuery(table, state, n), signal);
      return row ? Number(row.position) : null;
    },

    /** The row numbered `n` in the table's own order, or null when the table has no such row. */
    async rowByNumber(table: TableInfo, n: number, signal?: AbortSignal): Promise<Record<string, CellValue> | null> {
      const [row] = await run(rowByNumberQuery(table, n), signal);
      return row ?? null;
    },

    async facet(table: TableInfo, state: TableViewState, column: string, signal?: AbortSignal): Promise<FacetCount[]> {
      const rows = await run(facetQuery(table, state, column), signal);
      return rows.map((r) => ({ value: r.value ?? null, n: Number(r.n) }));
    },

    async summary(table: TableInfo, state: TableViewState, column: ColumnDoc, signal?: AbortSignal): Promise<ColumnSummary> {
      const [s] = await run(summaryQuery(table, state, column), signal);
      const summary: ColumnSummary = { rows: Number(s.rows), nulls: Number(s.nulls), distinct: Number(s.distinct_values) };
      if (column.kind === 'number' && s.min !== null && s.max !== null) {
        const lo = Number(s.min);
        const hi = Number(s.max);
        summary.min = lo;
        summary.max = hi;
        summary.mean = Number(s.mean);
        // Integers with few values get one bin per value; anything else 12 equal bins.
        const integral = /INT/i.test(column.type) && hi - lo < 12;
        const bins = hi === lo ? 1 : integral ? hi - lo + 1 : 12;
        const width = hi === lo ? 1 : integral ? 1 : (hi - lo) / bins;
        const counts = await run(histogramQuery(table, state, column.name, lo, integral ? hi + 1 : hi, bins), signal);
        const byBin = new Map(counts.map((r) => [Number(r.bin), Number(r.n)]));
        summary.histogram = Array.from({ length: bins }, (_, i) => ({
          lo: lo + i * width,
          hi: integral ? lo + i : lo + (i + 1) * width,
          n: byBin.get(i) ?? 0,
        }));
      } else {
        summary.top = (await run(facetQuery(table, state, column.name, 8), signal)).map((r) => ({ value: r.value ?? null, n: Number(r.n) }));
      }
      return summary;
    },
  };
}

export type TableService = ReturnType<typeof tableService>;
