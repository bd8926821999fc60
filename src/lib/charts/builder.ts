// Chart builder: from a table's columns, sensible defaults (category + number → sorted bars,
// two numbers → scatter, one number → histogram, two categories + number → heatmap), an optional
// aggregation, and the choice kept in the URL as a short query string so a link reproduces it.
import type { ChartRow, ChartSpec, MarkKind } from './spec.ts';

export type ColumnKindLite = 'string' | 'number' | 'boolean';
export interface BuilderColumn {
  name: string;
  kind: ColumnKindLite;
}

export type Aggregate = 'none' | 'mean' | 'sum' | 'count';
export type BuilderMark = Exclude<MarkKind, 'network'>;

export interface BuilderState {
  mark: BuilderMark;
  x: string;
  y: string;
  color: string;
  facet: string;
  aggregate: Aggregate;
  sort: 'value-desc' | 'value-asc' | 'none';
}

export const BUILDER_MARKS: BuilderMark[] = ['bar', 'dot', 'line', 'scatter', 'heatmap', 'histogram'];
/** Rows the builder reads (page and embed alike); aggregates and bins of more are DuckDB's (builder-data.ts). */
export const BUILDER_ROW_LIMIT = 20_000;
export const AGGREGATES: Aggregate[] = ['none', 'mean', 'sum', 'count'];

/** Columns worth offering as a category: text and booleans, skipping long free text. */
function categories(columns: BuilderColumn[], rows: ChartRow[]): BuilderColumn[] {
  return columns.filter((c) => {
    if (c.kind === 'boolean') return true;
    if (c.kind !== 'string') return false;
    const distinct = new Set(rows.map((r) => r[c.name])).size;
    return distinct >= 1 && distinct <= 60;
  });
}

/** Defaults by column type, as the issue asks: the first fitting columns. */
export function defaultState(columns: BuilderColumn[], rows: ChartRow[]): BuilderState {
  const nums = columns.filter((c) => c.kind === 'number');
  const cats = categories(columns, rows);
  const base: BuilderState = { mark: 'bar', x: '', y: '', color: '', facet: '', aggregate: 'none', sort: 'none' };
  if (cats.length >= 2 && nums.length >= 1) return { ...base, mark: 'heatmap', x: cats[1].name, y: cats[0].name, color: nums[0].name, aggregate: 'mean' };
  if (cats.length >= 1 && nums.length >= 1) return { ...base, mark: 'bar', x: cats[0].name, y: nums[0].name, aggregate: 'mean', sort: 'value-desc' };
  if (nums.length >= 2) return { ...base, mark: 'scatter', x: nums[0].name, y: nums[1].name };
  if (nums.length === 1) return { ...base, mark: 'histogram', x: nums[0].name };
  if (cats.length >= 1) return { ...base, mark: 'bar', x: cats[0].name, aggregate: 'count', sort: 'value-desc' };
  return base;
}

/** Problems with a state against the columns, as sentences; empty when it can be drawn. */
export function validate(state: BuilderState, columns: BuilderColumn[]): string[] {
  const kind = new Map(columns.map((c) => [c.name, c.kind]));
  const errors: string[] = [];
  const need = (field: 'x' | 'y' | 'color', what: string, numeric?: boolean) => {
    const name = state[field];
    if (!name) errors.push(`Choose a column for ${what}.`);
    else if (!kind.has(name)) errors.push(`There is no column “${name}” (chosen for ${what}).`);
    else if (numeric && kind.get(name) !== 'number') errors.push(`${what} needs a numeric column; “${name}” is not.`);
  };
  need('x', 'x', state.mark === 'scatter' || state.mark === 'histogram');
  if (state.mark === 'heatmap') {
    need('y', 'y');
    need('color', 'the colour (value)', true);
  } else if (state.mark !== 'histogram' && state.aggregate !== 'count') need('y', 'y', true);
  for (const f of ['color', 'facet'] as const) if (state[f] && !kind.has(state[f])) errors.push(`There is no column “${state[f]}” (chosen for ${f}).`);
  return errors;
}

/** Group rows by the categorical channels and reduce the value; 'none' keeps rows as they are. */
export function aggregateRows(rows: ChartRow[], keys: string[], value: string | null, how: Aggregate): ChartRow[] {
  if (how === 'none') return rows;
  const groups = new Map<string, { row: ChartRow; sum: number; n: number }>();
  for (const r of rows) {
    const id = JSON.stringify(keys.map((k) => r[k]));
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { row: Object.fromEntries(keys.map((k) => [k, r[k] === null ? null : String(r[k])])), sum: 0, n: 0 }));
    const v = value ? Number(r[value]) : NaN;
    if (how === 'count') g.n += 1;
    else if (value && r[value] !== null && Number.isFinite(v)) {
      g.sum += v;
      g.n += 1;
    }
  }
  const out = value ?? 'count';
  return [...groups.values()].map((g) => ({ ...g.row, [how === 'count' ? 'count' : out]: how === 'count' ? g.n : how === 'sum' ? g.sum : g.n ? g.sum / g.n : null }));
}

/** How a state reduces rows: grouped by its categorical channels, its value reduced (or 'none'). */
export function aggregation(state: BuilderState): { keys: string[]; value: string | null; how: Aggregate } {
  const isHeat = state.mark === 'heatmap';
  const keys = [state.x, ...(isHeat ? [state.y] : state.color ? [state.color] : []), ...(state.facet ? [state.facet] : [])].filter(Boolean);
  const how = state.mark !== 'scatter' && state.mark !== 'histogram' ? state.aggregate : 'none';
  return { keys, value: (isHeat ? state.color : state.y) || null, how };
}

/**
 * What the rows handed to builderSpec are. Absent: every row the filters keep. 'first': the first
 * rows.length of `total` (a chart of raw rows then says it shows a part). 'grouped': DuckDB's
 * aggregates over all the rows, shaped as aggregateRows makes them. 'binned': DuckDB's histogram
 * counts over all the rows (builder-bins.ts), drawn as bars; `count` and `end` name their fields.
 */
export type DrawnFrom =
  | { kind: 'first'; total: number }
  | { kind: 'grouped' }
  | { kind: 'binned'; count: string; end: string; width: string | null; notFinite: number };

const fmt = (n: number) => n.toLocaleString('en-US');

/** The subtitle: which rows the chart is of, and that it is not all of them when it is a sample. */
function rowsLine(rowsKept: string | null, drawnFrom: DrawnFrom | undefined, drawn: number): string | undefined {
  const where = rowsKept ? ` where ${rowsKept}` : '';
  if (drawnFrom?.kind === 'first' && drawnFrom.total > drawn) return `First ${fmt(drawn)} of ${fmt(drawnFrom.total)} rows${where} (the rest are not drawn)`;
  return rowsKept ? `Rows where ${rowsKept}` : undefined;
}

/**
 * The spec a builder state draws from `rows`, which are what `drawnFrom` says (default: every row).
 * `rowsKept`: the filters the rows were chosen by, in words (the chart says it is not the whole table).
 */
export function builderSpec(
  state: BuilderState,
  rows: ChartRow[],
  source: ChartSpec['source'],
  tableTitle: string,
  rowsKept: string | null = null,
  drawnFrom?: DrawnFrom,
): ChartSpec {
  const subtitle = rowsLine(rowsKept, drawnFrom, rows.length);
  const filter = rowsKept ? { filter: rowsKept } : {};
  const histogramTitle = `${tableTitle}: distribution of ${state.x}${state.color ? ` by ${state.color}` : ''}`;
  if (drawnFrom?.kind === 'binned') return { ...binnedSpec(state, rows, drawnFrom, source, histogramTitle, subtitle), ...filter };
  const isHeat = state.mark === 'heatmap';
  const { keys, value, how: useAgg } = aggregation(state);
  const grouped = drawnFrom?.kind === 'grouped' ? rows : aggregateRows(rows, keys, value, useAgg);
  const data = grouped.filter((r) => keys.every((k) => r[k] !== null));
  const y = useAgg === 'count' ? 'count' : state.y;
  const colour = isHeat ? (useAgg === 'count' ? 'count' : state.color) : state.color || undefined;
  const aggWord = useAgg === 'none' ? '' : `${useAgg} of `;
  // Horizontal bars/dots read better for categories: the category goes on y.
  const horizontal = (state.mark === 'bar' || state.mark === 'dot') && !state.color;
  const valueLabel = `${aggWord}${useAgg === 'count' ? 'rows' : state.y}`;
  return {
    view: `builder-${state.mark}`,
    ...(subtitle ? { subtitle } : {}),
    ...filter,
    title:
      state.mark === 'histogram'
        ? histogramTitle
        : `${tableTitle}: ${isHeat ? `${aggWord}${state.color}` : valueLabel} by ${state.x}${isHeat ? ` and ${state.y}` : ''}`,
    data,
    encoding: horizontal
      ? { mark: state.mark, x: y, y: state.x, facet: state.facet || undefined, sort: state.sort }
      : { mark: state.mark, x: state.x, y: state.mark === 'histogram' ? undefined : isHeat ? state.y : y, color: colour, facet: state.facet || undefined, sort: state.sort },
    xLabel: horizontal ? valueLabel : state.x,
    yLabel: horizontal ? state.x : isHeat ? state.y : state.mark === 'histogram' ? 'Count' : valueLabel,
    colorLabel: isHeat ? `${aggWord}${colour}` : state.color || undefined,
    source,
    uncertainty: 'built from the table as released; no intervals',
  };
}

/**
 * A histogram counted by DuckDB, drawn as bars (the renderer's histogram bins raw rows itself): one
 * bar per bin at its lower bound, stacked by colour, every bin there even when empty.
 */
function binnedSpec(state: BuilderState, rows: ChartRow[], bins: Extract<DrawnFrom, { kind: 'binned' }>, source: ChartSpec['source'], title: string, subtitle: string | undefined): ChartSpec {
  const units = [
    bins.width ? `bins of ${bins.width}, each bar at its lower bound` : '',
    bins.notFinite ? `${fmt(bins.notFinite)} values that are not finite numbers left out` : '',
  ].filter(Boolean);
  return {
    view: `builder-${state.mark}`,
    ...(subtitle ? { subtitle } : {}),
    title,
    data: rows,
    encoding: { mark: 'bar', x: state.x, y: bins.count, color: state.color || undefined, stack: state.color ? true : undefined, facet: state.facet || undefined, sort: 'none' },
    xLabel: state.x,
    xUnit: units.length ? units.join('; ') : undefined,
    yLabel: 'Count',
    colorLabel: state.color || undefined,
    tableColumns: [
      ...(state.facet ? [{ field: state.facet, label: state.facet }] : []),
      ...(state.color && state.color !== state.facet ? [{ field: state.color, label: state.color }] : []),
      { field: state.x, label: `${state.x} from` },
      { field: bins.end, label: bins.width ? `${state.x} up to (not including)` : `${state.x} to` },
      { field: bins.count, label: 'Count' },
    ],
    source,
    uncertainty: 'built from the table as released; no intervals',
  };
}

const KEYS: (keyof BuilderState)[] = ['mark', 'x', 'y', 'color', 'facet', 'aggregate', 'sort'];
/** Builder keys in the page's URL query sit under "chart." next to the table browser's own keys. */
const PREFIX = 'chart.';
/** "chart=open": a link that opens the builder at its defaults, chosen once the rows are read. */
const OPEN_KEY = 'chart';
const OPEN_VALUE = 'open';

/** Writes the state into `query` as chart.mark=…&chart.x=… (other keys are kept); 'open' asks for the defaults. */
export function writeBuilderState(state: BuilderState | 'open' | null, query = new URLSearchParams()): URLSearchParams {
  for (const key of [...query.keys()]) if (key.startsWith(PREFIX) || key === OPEN_KEY) query.delete(key);
  if (state === 'open') query.set(OPEN_KEY, OPEN_VALUE);
  else if (state) for (const k of KEYS) if (state[k]) query.set(PREFIX + k, state[k]);
  return query;
}

/** Whether the URL asks for the builder open: a chosen chart, or "chart=open". */
export function builderRequested(query: URLSearchParams): boolean {
  return query.has(PREFIX + 'mark') || query.get(OPEN_KEY) === OPEN_VALUE;
}

/** Reads the state from a URL query: null when there is none; unknown marks or aggregations are reported. */
export function readBuilderState(query: URLSearchParams): BuilderState | { error: string } | null {
  const get = (k: string) => query.get(PREFIX + k);
  const mark = get('mark');
  if (mark === null) return null;
  if (!BUILDER_MARKS.includes(mark as BuilderMark)) return { error: `Unknown chart mark “${mark}” in the link: use one of ${BUILDER_MARKS.join(', ')}.` };
  const aggregate = get('aggregate') ?? 'none';
  if (!AGGREGATES.includes(aggregate as Aggregate)) return { error: `Unknown aggregation “${aggregate}” in the link: use one of ${AGGREGATES.join(', ')}.` };
  const sort = get('sort') ?? 'none';
  if (sort !== 'none' && sort !== 'value-desc' && sort !== 'value-asc') return { error: `Unknown sort “${sort}” in the link: use none, value-desc or value-asc.` };
  return { mark: mark as BuilderMark, x: get('x') ?? '', y: get('y') ?? '', color: get('color') ?? '', facet: get('facet') ?? '', aggregate: aggregate as Aggregate, sort };
}
