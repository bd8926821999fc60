// Histogram bins, computed once for the chart and its exports: the renderer hands these thresholds
// to Plot, and the CSV/LaTeX/Markdown tables count rows into the very same bins.
import { bisectRight, tickIncrement } from 'd3';
import type { ChartRow } from '../spec.ts';

/** The bin count of a histogram whose spec names none (a hint: steps are rounded to nice numbers). */
export const DEFAULT_BINS = 20;

/**
 * Thresholds for about `count` bins over the values' extent, as Plot computes them for a bin count:
 * nice steps, the first threshold at or below the minimum, the last strictly above the maximum.
 */
export function histogramThresholds(values: number[], count: number): number[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return thresholdsOver(min, max, count);
}

/**
 * d3's nice step for about `count` bins over [min, max]: a negative number is the inverse of a
 * fractional step (-10 is 0.1); null when the values do not spread.
 */
export function binStep(min: number, max: number, count: number): number | null {
  const step = tickIncrement(min, max, count);
  return Number.isFinite(step) && step !== 0 ? step : null;
}

/** The same thresholds from the extent alone (a DuckDB query gives min and max of rows it does not send). */
export function thresholdsOver(min: number, max: number, count: number): number[] {
  const step = binStep(min, max, count);
  // Values that do not spread: one threshold, one bin holding them all (as Plot draws it).
  if (step === null) return [min];
  // A negative increment is the inverse of a fractional step: dividing keeps 0.1 × 3 from being 0.30000000000000004.
  const at = step > 0 ? (i: number) => i * step : (i: number) => i / -step;
  const scaled = (v: number) => (step > 0 ? v / step : v * -step);
  let r0 = Math.round(scaled(min));
  let r1 = Math.round(scaled(max));
  if (!(at(r0) <= min)) --r0;
  if (!(at(r1) > max)) ++r1;
  const out: number[] = [];
  for (let i = r0; i <= r1; i++) out.push(at(i));
  return out;
}

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/**
 * Rows per bin, [lo, hi) as Plot assigns them; values outside the thresholds are not counted. A
 * single threshold is Plot's collapsed domain: one bin [t, t] of every value from t on.
 */
export function countBins(values: number[], thresholds: number[]): Bin[] {
  const bins: Bin[] =
    thresholds.length === 1 ? [{ lo: thresholds[0], hi: thresholds[0], count: 0 }] : thresholds.slice(1).map((hi, i) => ({ lo: thresholds[i], hi, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const i = bisectRight(thresholds, v) - 1;
    if (i >= 0 && i < bins.length) bins[i].count++;
  }
  return bins;
}

/** The numbers of a histogram's field (non-numbers are not drawn, so they are not counted). */
export function numericValues(rows: ChartRow[], field: string): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const v = r[field];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}
