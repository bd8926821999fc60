// Seeded percentile bootstrap for means of item-level scores, and tie groups as letters: two models
// share a letter exactly when their difference in mean is not separable from zero at the chosen level.
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
  /**
   * 1-based tie groups (letters), ascending: two models share a group exactly when they cannot be told
   * apart at the level. A model may be in several (A and B: not separable from either group's members).
   */
  tieGroups: number[];
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
 * excludes zero. The groups are a compact letter display over every pair (see letterGroups), so a
 * different letter never hides a pair that cannot be told apart.
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

  const diff = new Float64Array(resamples);
  const separable = (a: number, b: number): boolean => {
    const ra = reps[order[a].index];
    const rb = reps[order[b].index];
    for (let r = 0; r < resamples; r++) diff[r] = ra[r] - rb[r];
    diff.sort();
    return quantileSorted(diff, alpha) > 0 || quantileSorted(diff, 1 - alpha) < 0;
  };
  const letters = letterGroups(order.length, separable);

  const estimates: GroupEstimate[] = [];
  order.forEach((m, position) => {
    const prev = estimates[position - 1];
    const rank = prev && prev.mean === m.mean ? prev.rank : position + 1;
    estimates.push({ key: m.key, n: m.n, mean: m.mean, lo: m.lo, hi: m.hi, rank, tieGroups: letters[position] });
  });
  return { estimates, resamples, seed, level, higherIsBetter };
}

/**
 * Compact letter display (Piepho 2004, insert and absorb) of models 0..n-1 listed best first: every
 * separable pair splits each group holding both, and a group inside another is dropped. Then two models
 * share a group exactly when they are not separable. Groups are numbered by their best member, so the
 * best model is in group 1. Returns each model's groups, ascending.
 */
export function letterGroups(n: number, separable: (a: number, b: number) => boolean): number[][] {
  let sets: number[][] = n > 0 ? [Array.from({ length: n }, (_, i) => i)] : [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      if (!sets.some((g) => g.includes(a) && g.includes(b)) || !separable(a, b)) continue;
      sets = absorb(sets.flatMap((g) => (g.includes(a) && g.includes(b) ? [g.filter((m) => m !== a), g.filter((m) => m !== b)] : [g])));
    }
  // Sets are sorted lists of positions, so comparing them in order puts the best-led group first.
  sets.sort((x, y) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  });
  const out: number[][] = Array.from({ length: n }, () => []);
  sets.forEach((g, i) => g.forEach((m) => out[m].push(i + 1)));
  return out;
}

/** Drops every set contained in another (and repeats of one set). */
function absorb(sets: number[][]): number[][] {
  const within = (x: number[], y: number[]) => x.every((m) => y.includes(m));
  return sets.filter((x, i) => !sets.some((y, j) => j !== i && within(x, y) && (x.length < y.length || j < i)));
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

/** A model's tie groups as printed: "A", "AB"; past 26 groups the letters are comma-separated ("Z,AA"). */
export function groupLetters(groups: readonly number[]): string {
  const letters = groups.map(groupLetter);
  return letters.join(letters.some((l) => l.length > 1) ? ',' : '');
}

/** How a chart's subtitle reads the letters it prints. */
export const TIE_LETTERS = 'letters are tie groups (a shared letter: not separable; none in common: separable)';

/** The sentence stated under a chart that shows these intervals. */
export function uncertaintyNote(result: Pick<BootstrapResult, 'resamples' | 'seed' | 'level'>): string {
  const pct = Math.round(result.level * 100);
  return `${pct}% percentile bootstrap CIs, ${result.resamples.toLocaleString('en-US')} resamples, seed ${result.seed}; models sharing a letter cannot be separated at ${pct}%; models with no letter in common can`;
}
