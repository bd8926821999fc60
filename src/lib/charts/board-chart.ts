// The chart of one leaderboard: a dot per entry, best first, with its 95% bootstrap CI and tie-group
// letter where the entry is made of items (an upload's item rows, a released result's main.result_items);
// a board of aggregates only says so instead of drawing intervals.
import { scaleLinear } from 'd3';
import type { BoardKey, RankedBoard } from '../explore/results-service.ts';
import type { BenchmarkEntry } from '../types.ts';
import { TIE_LETTERS, uncertaintyNote } from './bootstrap.ts';
import type { ChartRow, ChartSource, ChartSpec } from './spec.ts';
import { licenceText } from '../licence-words.ts';
import { withOwnRows } from './own-rows-source.ts';

export const AGGREGATES_ONLY = 'aggregates only: one value per model, no item-level rows, so no intervals';

/** Axis labels, unique per entry: the display name, then the released name, then the upload where they collide. */
function labels(rows: RankedBoard['rows']): string[] {
  const base = rows.map((r) => (r.is_mine ? `${r.display_name} (yours)` : r.display_name));
  const count = (list: string[]) => list.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const first = count(base);
  const named = base.map((l, i) => (first.get(l)! > 1 && rows[i].model !== rows[i].display_name ? `${l} as “${rows[i].model}”` : l));
  const second = count(named);
  return named.map((l, i) => (second.get(l)! > 1 && rows[i].upload ? `${l}, ${rows[i].upload}` : l));
}

/**
 * Where a board's rows come from: the released benchmark for its released rows only, and the visitor's
 * uploads (named) for theirs, so an upload filed under a released id is never credited to that release.
 */
export function boardSource(key: BoardKey, rows: RankedBoard['rows'], entry?: BenchmarkEntry): ChartSource {
  const uploads = [...new Set(rows.flatMap((r) => (r.is_mine ? [r.upload ?? 'your uploads'] : [])))];
  const base = { benchmarkId: key.benchmark, table: 'main.results_all' };
  const released = rows.some((r) => !r.is_mine)
    ? { ...base, benchmark: entry?.short ?? key.benchmark, license: entry ? licenceText(entry.license) : 'not stated' }
    : null;
  return withOwnRows(released, uploads, base);
}

/** Share of the values' span left empty beyond the lowest and highest value, before rounding out. */
const VALUE_AXIS_PADDING = 0.05;

/**
 * The value axis: the values and interval ends with room on both sides, rounded out to tick values,
 * so no dot or interval end sits on the axis' first or last tick (a two-model board put one dot on
 * each). Never below 0 when no value is; undefined for one value (the renderer gives that room).
 */
export function paddedValueDomain(values: number[]): [number, number] | undefined {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (!finite.length || hi === lo) return undefined;
  const pad = (hi - lo) * VALUE_AXIS_PADDING;
  const start = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  const [a, b] = scaleLinear().domain([start, hi + pad]).nice().domain();
  return [a, b];
}

export function boardChartSpec(key: BoardKey, board: RankedBoard, entry?: BenchmarkEntry): ChartSpec {
  const names = labels(board.rows);
  const data: ChartRow[] = board.rows.map((r, i) => ({
    model: names[i],
    items: r.items,
    value: r.value,
    lo: r.interval?.lo ?? null,
    hi: r.interval?.hi ?? null,
    rank: r.rank,
    group: r.interval?.tie_group ?? null,
  }));
  const first = board.rows[0];
  const unit = first?.unit ?? '';
  const higher = first?.higher_is_better ?? true;
  const partial = board.bootstrap && board.rows.some((r) => !r.interval);
  const subset = key.subset ? ` · ${key.subset}` : '';
  const domain = paddedValueDomain(data.flatMap((d) => [d.value, d.lo, d.hi]).filter((v): v is number => typeof v === 'number'));
  return {
    view: 'leaderboard',
    title: `${entry?.short ?? key.benchmark}: ${key.metric}${subset}, by model`,
    subtitle: board.bootstrap
      ? `Mean over item rows with a 95% bootstrap interval; ${TIE_LETTERS}.${partial ? ' Rows with one aggregate value have no interval.' : ''}`
      : `One value per model as released${board.rows.some((r) => r.is_mine) ? ' or uploaded' : ''}; only aggregates, so no intervals are drawn.`,
    data,
    encoding: board.bootstrap
      ? { mark: 'dot', x: 'value', y: 'model', lo: 'lo', hi: 'hi', label: 'group', sort: higher ? 'value-desc' : 'value-asc', domain }
      : { mark: 'dot', x: 'value', y: 'model', sort: higher ? 'value-desc' : 'value-asc', domain },
    xLabel: key.metric,
    xUnit: unit || undefined,
    yLabel: 'Model',
    source: boardSource(key, board.rows, entry),
    uncertainty: board.bootstrap ? uncertaintyNote(board.bootstrap) : AGGREGATES_ONLY,
    tableColumns: [
      { field: 'model', label: 'Model' },
      { field: 'items', label: 'Items' },
      { field: 'value', label: unit ? `${key.metric} (${unit})` : key.metric },
      ...(board.bootstrap
        ? [
            { field: 'lo', label: '95% CI low' },
            { field: 'hi', label: '95% CI high' },
          ]
        : []),
      { field: 'rank', label: 'Rank' },
      ...(board.bootstrap ? [{ field: 'group', label: 'Tie group' }] : []),
    ],
  };
}
