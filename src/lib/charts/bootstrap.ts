// Seeded percentile bootstrap for means of item-level scores, and tie groups: models whose
// difference in mean is not separable from zero at the chosen level share a group.
// Pure math: no DOM, no DuckDB; the same numbers in Node, in tests and in the browser.

/** Mulberry32: a small, fast, seedable PRNG; the same seed gives the same stream everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Number of resamples (stated on every chart that shows the intervals). */
  resamples?: number;
  seed?: number;
  /** Confidence level, e.g. 0.95. */
  level?: number;
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_SEED = 1;
export const DEFAULT_LEVEL = 0.95;

export interface GroupInput {
  key: string;
  /** Item-level scores (e.g. 1/0 correctness). */
  values: number[];
}

export interface GroupEstimate {
  key: string;
  n: number;
  mean: number;
  lo: number;
  hi: number;
  /** 1 = best; models with equal means share a rank. */
  rank: number;
  /** 1-based tie group: models in one group cannot be told apart at the level. */
  tieGroup: number;
}

export interface BootstrapResult {
  estimates: GroupEstimate[];
  resamples: number;
  seed: number;
  level: number;
  higherIsBetter: boolean;
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : NaN;
}

/** Means of `resamples` resamples (with replacement) of `values`, drawn from `random`. */
export function resampleMeans(values: readonly number[], resamples: number, random: () => number): Float64Array {
  const n = values.length;
  const out = new Float64Array(resamples);
  if (n === 0) return out.fill(NaN);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[(random() * n) | 0];
    out[b] = s / n;
  }
  return out;
}

/** Percentile of sorted data with linear interpolation (type 7, as R's default and numpy's). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Percentile bootstrap CI of one mean. */
export function bootstrapMean(values: readonly number[], options: BootstrapOptions = {}): { mean: number; lo: number; hi: number } {
  const { resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED, level = DEFAULT_LEVEL } = options;
  const reps = resampleMeans(values, resamples, mulberry32(seed)).sort();
  const alpha = (1 - level) / 2;
  return { mean: mean(values), lo: quantileSorted(reps, alpha), hi: quantileSorted(reps, 1 - alpha) };
}

/**
 * CIs for several models, ranks, and tie groups.
 * Each model is resampled independently (its own stream from one seeded generator, in input order).
 * Two models are separable when the percentile interval of the difference of their resampled means
 * excludes zero. Groups are formed best-first: a model joins the current group while it cannot be
 * separated from the group's first (best) model; otherwise it starts the next group.
 */
export function bootstrapGroups(groups: readonly GroupInput[], options: BootstrapOptions & { higherIsBetter?: boolean } = {}): BootstrapResult {
  const { resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED, level = DEFAULT_LEVEL, higherIsBetter = true } = options;
  const random = mulberry32(seed);
  const alpha = (1 - level) / 2;
  const reps = groups.map((g) => resampleMeans(g.values, resamples, random));
  const base = groups.map((g, i) => {
    const sorted = Float64Array.from(reps[i]).sort();
    return { key: g.key, n: g.values.length, mean: mean(g.values), lo: quantileSorted(sorted, alpha), hi: quantileSorted(sorted, 1 - alpha), index: i };
  });
  const sign = higherIsBetter ? -1 : 1;
  const order = [...base].sort((a, b) => sign * (a.mean - b.mean) || a.key.localeCompare(b.key));

  const separable = (a: number, b: number): boolean => {
    const diff = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) diff[r] = reps[a][r] - reps[b][r];
    diff.sort();
    const lo = quantileSorted(diff, alpha);
    const hi = quantileSorted(diff, 1 - alpha);
    return lo > 0 || hi < 0;
  };

  const estimates: GroupEstimate[] = [];
  let group = 0;
  let leader = -1;
  order.forEach((m, position) => {
    if (leader < 0 || separable(leader, m.index)) {
      group += 1;
      leader = m.index;
    }
    const prev = estimates[position - 1];
    const rank = prev && prev.mean === m.mean ? prev.rank : position + 1;
    estimates.push({ key: m.key, n: m.n, mean: m.mean, lo: m.lo, hi: m.hi, rank, tieGroup: group });
  });
  return { estimates, resamples, seed, level, higherIsBetter };
}

/** Tie group as a letter (1 → "A"), as printed on charts and tables. */
export function groupLetter(group: number): string {
  let n = group;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The sentence stated under a chart that shows these intervals. */
export function uncertaintyNote(result: Pick<BootstrapResult, 'resamples' | 'seed' | 'level'>): string {
  const pct = Math.round(result.level * 100);
  return `${pct}% percentile bootstrap CIs, ${result.resamples.toLocaleString('en-US')} resamples, seed ${result.seed}; models sharing a letter cannot be separated at ${pct}%`;
}
