// A leaderboard as an embed shows it: the released rows of main.results only. The visitor's own
// uploads (schema mine) join main.results_all in their browser; they never travel in an embed, so
// a board holding nothing but uploads has no embed, and a mixed one embeds its released rows,
// ranked among themselves as the site ranks them (rank 1 the best, ties sharing a rank), with the
// intervals and tie groups of those that have items in main.result_items.
import type { BoardKey, ResultsService } from '../explore/results-service.ts';
import type { BenchmarkEntry } from '../types.ts';
import { boardChartSpec } from './board-chart.ts';
import type { EmbedChart } from './embed-url.ts';
import type { ChartSpec } from './spec.ts';

/** The embed of a board the site shows; null when it has no released benchmark or no released row. */
export function boardEmbed(key: BoardKey, entry: BenchmarkEntry | undefined, rows: readonly { is_mine: boolean }[]): EmbedChart | null {
  if (!entry || entry.id !== key.benchmark || !rows.some((r) => !r.is_mine)) return null;
  return { kind: 'board', benchmark: key.benchmark, metric: key.metric, subset: key.subset };
}

/** The chart of a board's released rows, or why there is none to show. */
export async function releasedBoardSpec(
  results: Pick<ResultsService, 'rankedBoard'>,
  key: BoardKey,
  entry: BenchmarkEntry,
): Promise<ChartSpec | { refusal: string }> {
  // Ranks, intervals and tie letters among the released entries alone: an upload moves none of them.
  const board = await results.rankedBoard(key, undefined, { releasedOnly: true });
  const named = `${entry.short} · ${key.metric} · ${key.subset || '(no subset)'}`;
  if (board.rows.length === 0)
    return {
      refusal:
        (await results.rankedBoard(key)).rows.length > 0
          ? `The leaderboard ${named} holds only results someone added in their own browser: they cannot be shown elsewhere.`
          : `Personascope has no leaderboard ${named}.`,
    };
  const spec = boardChartSpec(key, board, entry);
  return { ...spec, source: { ...spec.source, table: 'main.results' } };
}
