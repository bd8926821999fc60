// Link to one leaderboard of the leaderboard page, in the row order seen (sort=, board-sort.ts) when given.
import type { BoardKey } from '../../lib/explore/index.ts';

export function leaderboardHref(key: BoardKey, sort: string | null = null): string {
  const q = new URLSearchParams({ benchmark: key.benchmark, metric: key.metric, subset: key.subset });
  if (sort) q.set('sort', sort);
  return `#/leaderboard?${q.toString()}`;
}
