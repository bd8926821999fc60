// Link to one leaderboard of the leaderboard page.
import type { BoardKey } from '../../lib/explore/index.ts';

export function leaderboardHref(key: BoardKey): string {
  return `#/leaderboard?${new URLSearchParams({ benchmark: key.benchmark, metric: key.metric, subset: key.subset }).toString()}`;
}
