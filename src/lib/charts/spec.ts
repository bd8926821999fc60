// A chart is a spec: data rows + encoding + words (titles, units, source) + theme.
// Curated views, exports and embeds all render specs through the one renderer (render.ts).
import type { PaletteName, ThemeName } from './theme.ts';

export type ChartRow = Record<string, string | number | boolean | null>;

export type MarkKind = 'bar' | 'dot' | 'line' | 'scatter' | 'heatmap' | 'histogram' | 'network';

export interface Encoding {
  mark: MarkKind;
  /** Field on the horizontal axis (for bars/dots: the category, unless `y` is the category). */
  x: string;
  /** Field on the vertical axis. Omitted for histograms (the count). */
  y?: string;
  /** Categorical colour (series); for heatmaps the numeric fill. */
  color?: string;
  /** Small multiples: one panel per value of this field. */
  facet?: string;
  /** Text drawn next to each mark (scatter labels, tie groups, network names). */
  label?: string;
  /** Interval bounds on the value axis (error bars / confidence intervals). */
  lo?: string;
  hi?: string;
  /** Bars with a colour channel: stacked on top of each other instead of side by side. */
  stack?: boolean;
  /** Order of the categories: by value (descending/ascending) or as the data come. */
  sort?: 'value-desc' | 'value-asc' | 'none';
  /** Histogram bin count (a hint). */
  bins?: number;
  /** Network only: link rows use these fields for their two ends (ids matching `x` of the node rows). */
  source?: string;
  target?: string;
  /** Colour scheme for a numeric fill. */
  scheme?: 'sequential' | 'diverging';
  /** Fixed domain of the value axis, e.g. [0, 1] for accuracies. */
  domain?: [number, number];
  /**
   * Heatmap cell labels with this many decimals, trailing zeros kept ("1.00" beside "0.99"), for
   * computed values. Absent: as few as the value needs, so a released "6.8" is not shown as "6.80".
   */
  decimals?: number;
}

export interface ChartSource {
  /** Benchmark short name, e.g. "PersonaGym". */
  benchmark: string;
  /** Benchmark id (used in file names and links). */
  benchmarkId: string;
  /** Every benchmark the rows come from, when that is not `benchmarkId` alone (a query's): cited in exports. */
  benchmarkIds?: string[];
  /** Qualified tables the data come from, e.g. "personagym.scores". */
  table: string;
  /** Licence as stated (SPDX id or name). */
  license: string;
  /** Short citation of the benchmark(s) (exports set it from the catalog): printed after the name. */
  citation?: string;
}

export interface ChartSpec {
  /** Stable view name used in file names and embed links, e.g. "model-by-task". */
  view: string;
  data: ChartRow[];
  /** Network charts: the edges. */
  links?: ChartRow[];
  encoding: Encoding;
  title: string;
  subtitle?: string;
  /** The filter the rows were chosen by, in words, when the chart is of filtered rows (export file names carry it). */
  filter?: string;
  xLabel: string;
  yLabel?: string;
  /** Units shown after the axis labels, e.g. "score 1–5", "%". */
  xUnit?: string;
  yUnit?: string;
  colorLabel?: string;
  source: ChartSource;
  /** What the intervals are (e.g. "95% bootstrap CI, 2,000 resamples, seed 1"), or why there are none. */
  uncertainty?: string;
  palette?: PaletteName;
  /** Long description for screen readers; a short one is generated when absent. */
  description?: string;
  /** Columns of the data-table alternative (field → header); defaults to the encoded fields. */
  tableColumns?: { field: string; label: string }[];
}

export interface RenderOptions {
  theme: ThemeName;
  /** Width and height in SVG user units (px on screen, pt in exports). */
  width: number;
  height?: number;
  /** Base font size in user units. */
  fontSize?: number;
  /** DOM document to build in (jsdom in Node tests); defaults to the global one. */
  document?: Document;
  /**
   * Lay out the title, legend and source line and size the plot, but leave the plot out: the
   * picture's height never depends on the marks, so measuring it need not draw thousands of them.
   */
  layoutOnly?: boolean;
}

/** Axis label with its unit: "Accuracy (%)". */
export function withUnit(label: string | undefined, unit: string | undefined): string {
  if (!label) return unit ?? '';
  return unit ? `${label} (${unit})` : label;
}

/** The source line printed under every chart. */
export function sourceLine(spec: ChartSpec): string {
  const cited = spec.source.citation ? ` (${spec.source.citation})` : '';
  const parts = [`Source: ${spec.source.benchmark}${cited}, ${spec.source.table}`, `licence ${spec.source.license}`];
  if (spec.uncertainty) parts.push(spec.uncertainty);
  return parts.join(' · ');
}

/**
 * The columns of the data-table alternative: given ones, else every encoded field once, the
 * categories first (a horizontal chart has its category on y, but a table reads by category).
 */
export function tableColumns(spec: ChartSpec): { field: string; label: string }[] {
  if (spec.tableColumns) return spec.tableColumns;
  const e = spec.encoding;
  const x: [string | undefined, string | undefined] = [e.x, withUnit(spec.xLabel, spec.xUnit)];
  const y: [string | undefined, string | undefined] = [e.y, withUnit(spec.yLabel, spec.yUnit)];
  const yFirst = e.y !== undefined && typeof firstValue(spec.data, e.y) === 'string' && typeof firstValue(spec.data, e.x) !== 'string';
  const fields: [string | undefined, string | undefined][] = [
    [e.facet, e.facet],
    ...(yFirst ? [y, x] : [x, y]),
    [e.color, spec.colorLabel ?? e.color],
    [e.lo, 'CI low'],
    [e.hi, 'CI high'],
    [e.label, e.label],
  ];
  const seen = new Set<string>();
  const out: { field: string; label: string }[] = [];
  for (const [field, label] of fields) {
    if (!field || seen.has(field)) continue;
    seen.add(field);
    out.push({ field, label: label || field });
  }
  return out;
}

/** A field's first value that is there: its type tells a category (text) from a value. */
export function firstValue(data: ChartRow[], field: string): unknown {
  for (const row of data) if (row[field] !== null && row[field] !== undefined) return row[field];
  return undefined;
}

/** A one-sentence description for aria-label/<title> when the spec has none. */
export function describe(spec: ChartSpec): string {
  if (spec.description) return spec.description;
  const e = spec.encoding;
  const kind: Record<MarkKind, string> = {
    bar: e.color ? (e.stack ? 'Stacked bar chart' : 'Grouped bar chart') : 'Bar chart',
    dot: 'Dot plot',
    line: 'Line chart',
    scatter: 'Scatter plot',
    heatmap: 'Heatmap',
    histogram: 'Histogram',
    network: 'Network diagram',
  };
  const what = e.mark === 'network' ? `${spec.data.length} nodes and ${spec.links?.length ?? 0} links` : `${spec.data.length} data points`;
  const facet = e.facet ? `, one panel per ${e.facet}` : '';
  return `${kind[e.mark]} of ${withUnit(spec.yLabel, spec.yUnit) || 'count'} by ${withUnit(spec.xLabel, spec.xUnit)}${facet}: ${what}. ${sourceLine(spec)}.`;
}
