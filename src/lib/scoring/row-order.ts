// Which of a job's rows the results table shows, and in what order: the input's order, or the
// worst (or best) first on one score, optionally one model's rows only. With thousands of rows the
// first thing a reviewer looks for is the least faithful or the most toxic responses.
import { METRICS, type ScoreMetric } from './result-views.ts';
import type { RowOutcome } from './types.ts';

export type RowOrder = 'input' | `${ScoreMetric}:${'worst' | 'best'}`;

export function rowOrderLabel(order: RowOrder): string {
  if (order === 'input') return 'as in the input';
  const [metric, end] = order.split(':') as [ScoreMetric, 'worst' | 'best'];
  return `${METRICS[metric].label}, ${end} first`;
}

/**
 * The orders worth offering for these metrics: the input's, then worst and best first on each
 * (toxicity control is left out: it orders rows exactly as the highest toxicity does).
 */
export function rowOrders(metrics: readonly ScoreMetric[]): RowOrder[] {
  const distinct = metrics.filter((m) => m !== 'toxicity_control');
  return ['input', ...distinct.flatMap((m): RowOrder[] => [`${m}:worst`, `${m}:best`])];
}

/**
 * `rows` (index → outcome, in input order) filtered to `model` (null: all; `modelOf` gives a row's
 * model, failed rows included) and sorted. Rows without the score come after those with it, and
 * failed rows last; ties keep the input order.
 */
export function orderRows<T extends readonly [number, RowOutcome]>(rows: readonly T[], order: RowOrder, model: string | null, modelOf: (index: number) => string): T[] {
  const kept = model === null ? [...rows] : rows.filter(([index]) => modelOf(index) === model);
  if (order === 'input') return kept;
  const [metric, end] = order.split(':') as [ScoreMetric, 'worst' | 'best'];
  const { value, higherIsBetter } = METRICS[metric];
  // Ascending puts the lowest first: the worst when higher is better.
  const sign = higherIsBetter === (end === 'worst') ? 1 : -1;
  const key = ([, o]: T): number | null => (o.ok ? value(o.score) : null);
  return kept
    .map((row, position) => {
      const k = key(row);
      return { row, position, key: k, rank: row[1].ok ? (k === null ? 1 : 0) : 2 };
    })
    .sort((a, b) => a.rank - b.rank || (a.key !== null && b.key !== null ? sign * (a.key - b.key) : 0) || a.position - b.position)
    .map((x) => x.row);
}
