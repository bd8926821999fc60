// Which leaderboard to show when a link or a picker names only part of one (or none): the exact
// board when it exists, else, among the boards matching the parts given (benchmark and metric, then
// benchmark and subset, then benchmark, then any), the one ranking the most models: a board of one
// model is a poor first sight. Ties keep the list's order.
import type { BoardKey, BoardOption } from './results-service.ts';

export function chooseBoard(options: readonly Pick<BoardOption, keyof BoardKey | 'models'>[], want: Partial<BoardKey>): BoardKey | null {
  const sameBenchmark = options.filter((o) => o.benchmark === want.benchmark);
  const sameMetric = sameBenchmark.filter((o) => o.metric === want.metric);
  const exact = sameMetric.filter((o) => o.subset === want.subset);
  // A mistyped metric keeps the subset the link names, where the benchmark has it.
  const sameSubset = sameBenchmark.filter((o) => o.subset === want.subset);
  const pool = [exact, sameMetric, sameSubset, sameBenchmark, options].find((l) => l.length > 0);
  if (!pool) return null;
  const best = pool.reduce((a, o) => (o.models > a.models ? o : a));
  return { benchmark: best.benchmark, metric: best.metric, subset: best.subset };
}
