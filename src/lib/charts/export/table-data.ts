// The table behind a chart, as the exports and the data-table alternative show it: what the chart
// draws, in the order it draws it. Category columns come first (spec.ts), rows follow the chart's
// sort, a histogram is its bins and counts (not the raw values), a network's edges are a table too.
import { firstValue, tableColumns, withUnit, type ChartRow, type ChartSpec } from '../spec.ts';
import { countBins, DEFAULT_BINS, histogramThresholds, numericValues } from './histogram-bins.ts';

export interface Column {
  field: string;
  label: string;
}

export interface DataTable {
  columns: Column[];
  rows: ChartRow[];
}

export function chartTable(spec: ChartSpec): DataTable {
  if (spec.encoding.mark === 'histogram' && !spec.tableColumns) return histogramTable(spec);
  return { columns: tableColumns(spec), rows: sortedAsDrawn(spec) };
}

/** A network's edges (source, target and any other field of the link rows); null for other charts. */
export function linkTable(spec: ChartSpec): DataTable | null {
  if (spec.encoding.mark !== 'network' || !spec.links?.length) return null;
  const fields: string[] = [];
  for (const row of spec.links) for (const f of Object.keys(row)) if (!fields.includes(f)) fields.push(f);
  return { columns: fields.map((field) => ({ field, label: field })), rows: spec.links };
}

/** The category and value fields a chart sorts by, as render.ts passes `sort` to Plot; null where it does not. */
function sortAxes(spec: ChartSpec): { category: string; value: string; stacked: boolean } | null {
  const e = spec.encoding;
  if (!e.sort || e.sort === 'none' || !e.y) return null;
  const yIsCategory = typeof firstValue(spec.data, e.y) === 'string';
  if ((e.mark === 'bar' || e.mark === 'dot') && yIsCategory) return { category: e.y, value: e.x, stacked: false };
  // Vertical bars are sorted unless they are grouped (series side by side).
  if (e.mark === 'bar' && !(e.color && !e.stack)) return { category: e.x, value: e.y, stacked: !!e.stack };
  return null;
}

/**
 * Rows in the chart's order: panels as they appear, then categories by value as Plot orders the
 * axis (each category's largest value, a stack's total), ties and rows within a category as given.
 */
function sortedAsDrawn(spec: ChartSpec): ChartRow[] {
  const axes = sortAxes(spec);
  if (!axes) return spec.data;
  const key = new Map<string, number>();
  for (const row of spec.data) {
    const v = row[axes.value];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const c = String(row[axes.category]);
    const before = key.get(c);
    key.set(c, before === undefined ? v : axes.stacked ? before + v : Math.max(before, v));
  }
  const sign = spec.encoding.sort === 'value-asc' ? 1 : -1;
  const facet = spec.encoding.facet;
  const panel = new Map<string, number>();
  if (facet) for (const row of spec.data) if (!panel.has(String(row[facet]))) panel.set(String(row[facet]), panel.size);
  const byValue = (row: ChartRow) => key.get(String(row[axes.category]));
  return spec.data
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      if (facet) {
        const p = panel.get(String(a.row[facet]))! - panel.get(String(b.row[facet]))!;
        if (p) return p;
      }
      const va = byValue(a.row);
      const vb = byValue(b.row);
      // Categories without a value are drawn last.
      if (va === undefined || vb === undefined) return va === vb ? a.i - b.i : va === undefined ? 1 : -1;
      return sign * (va - vb) || a.i - b.i;
    })
    .map((d) => d.row);
}

/** Bin edges and counts per panel and series, from the thresholds the chart draws with. */
function histogramTable(spec: ChartSpec): DataTable {
  const e = spec.encoding;
  const thresholds = histogramThresholds(numericValues(spec.data, e.x), e.bins ?? DEFAULT_BINS);
  const groupFields = [e.facet, e.color].filter((f): f is string => !!f && f !== e.x);
  const groups = new Map<string, ChartRow[]>();
  for (const row of spec.data) {
    const k = JSON.stringify(groupFields.map((f) => row[f] ?? null));
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  const x = withUnit(spec.xLabel, spec.xUnit) || e.x;
  const columns: Column[] = [
    ...groupFields.map((f) => ({ field: f, label: f === e.color ? (spec.colorLabel ?? f) : f })),
    { field: 'bin_start', label: `${x}: bin from` },
    { field: 'bin_end', label: `${x}: bin to (excl.)` },
    { field: 'count', label: withUnit(spec.yLabel ?? 'Count', spec.yUnit) },
  ];
  const rows: ChartRow[] = [];
  for (const [k, members] of groups) {
    const values: ChartRow = Object.fromEntries(groupFields.map((f, i) => [f, (JSON.parse(k) as ChartRow[string][])[i]]));
    for (const b of countBins(numericValues(members, e.x), thresholds)) rows.push({ ...values, bin_start: b.lo, bin_end: b.hi, count: b.count });
  }
  return { columns, rows };
}

/** Per column: whether every value is a number (or missing), so the column is right-aligned. */
export function numericColumns({ columns, rows }: DataTable): boolean[] {
  return columns.map((col) => rows.every((r) => r[col.field] === null || r[col.field] === undefined || typeof r[col.field] === 'number'));
}
