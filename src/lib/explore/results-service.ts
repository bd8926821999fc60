// Leaderboards, model pages and model comparison, read from main.results_all (the released main.results
// plus the user's own mapped uploads, is_mine marking those) joined to main.models. Ranks are computed in
// SQL per (benchmark, metric, subset) and respect higher_is_better. An upload with several item rows per
// model on one board is one entry (their mean); a released result with items in main.result_items (its
// n_items) is one entry whose value is their mean. Their bootstrap CIs and tie groups come from
// board-intervals.ts; main.result_items is read (and so fetched) only for a board with such a result.
import type { DbClient } from '../db/client.ts';
import type { CellValue } from '../types.ts';
import { withIntervals, type BoardInterval, type BootstrapSettings } from './board-intervals.ts';
import { byNaturalOrder } from './natural-order.ts';

/** One leaderboard: a benchmark's metric on one subset. */
export interface BoardKey {
  benchmark: string;
  metric: string;
  subset: string;
}

export interface BoardOption extends BoardKey {
  models: number;
  /** Models with released rows on the board: 0 for a board made only of the user's uploads. */
  released: number;
  /** The uploads with rows on the board, as "mine.a, mine.b" ('' for none). */
  uploads: string;
}

export interface BoardRow {
  rank: number;
  model: string;
  model_id: string;
  display_name: string;
  /** The value, or the mean of the entry's item rows. */
  value: number;
  /** How many items the value is the mean of: 1 for an aggregate, more for an upload's item rows or a released result's items. */
  items: number;
  unit: string;
  higher_is_better: boolean;
  /** No upload row and no released result of the metric states a direction: higher-is-better was assumed. */
  direction_assumed: boolean;
  source: string;
  /** A row of the user's own upload (not released data). */
  is_mine: boolean;
  /** The upload's table (mine.<name>); null for released rows. */
  upload: string | null;
  /** Whether model_id names a canonical model (so it has a model page). */
  canonical: boolean;
}

/** A leaderboard with intervals where item rows allow them. */
export interface RankedBoard {
  rows: (BoardRow & { interval: BoardInterval | null })[];
  /** Resamples, seed and level when any entry has an interval; null when the board holds aggregates only. */
  bootstrap: BootstrapSettings | null;
}

export interface ModelInfo {
  model_id: string;
  display_name: string;
  provider: string | null;
  family: string | null;
  open_weights: boolean | null;
  benchmarks: number;
  results: number;
}

export interface ModelResult extends BoardKey {
  value: number;
  unit: string;
  higher_is_better: boolean;
  rank: number;
  /** Models on the same leaderboard. */
  of: number;
}

/** Rank 1 is the best: the largest value where higher is better, the smallest otherwise; ties share a rank. */
export const RANK_SQL =
  'rank() OVER (PARTITION BY r.benchmark, r.metric, r.subset ORDER BY CASE WHEN r.higher_is_better THEN -r.value ELSE r.value END)';

const BOARD_WHERE = 'benchmark = $1 AND metric = $2 AND subset = $3';

/**
 * One entry per (board, model, released or upload): a released row is an entry of one item; an upload's
 * several rows for one model on one board are items, and the entry's value is their mean.
 */
function entriesSql(where: string): string {
  return `SELECT benchmark, metric, subset, model, model_id, coalesce(is_mine, false) AS is_mine, upload,
    avg(value) AS value, count(*)::INTEGER AS items, any_value(unit) AS unit, bool_and(higher_is_better) AS higher_is_better,
    bool_or(direction_assumed) AS direction_assumed, min(source) AS source
  FROM main.results_all WHERE value IS NOT NULL${where ? ` AND ${where}` : ''} GROUP BY ALL`;
}

/** SQL of one leaderboard (parameters: benchmark, metric, subset). A released entry counts its result's items. */
const boardSql = (where: string) => `WITH r AS (${entriesSql(where)}),
k AS (SELECT model, n_items FROM main.results WHERE ${BOARD_WHERE} AND n_items IS NOT NULL)
SELECT ${RANK_SQL}::INTEGER AS rank, r.model, coalesce(r.model_id, r.model) AS model_id,
  coalesce(m.display_name, r.model_id, r.model) AS display_name, r.value,
  CASE WHEN r.is_mine THEN r.items ELSE coalesce(k.n_items, r.items) END AS items,
  r.unit, r.higher_is_better, r.direction_assumed, r.source, r.is_mine, r.upload, m.model_id IS NOT NULL AS canonical
FROM r LEFT JOIN k ON NOT r.is_mine AND k.model = r.model LEFT JOIN main.models m ON m.model_id = r.model_id
ORDER BY rank, display_name, r.is_mine, r.upload, r.model`;

export const BOARD_SQL = boardSql(BOARD_WHERE);
/** The board as an embed shows it: released entries only, ranked among themselves. */
const RELEASED_BOARD_SQL = boardSql(`${BOARD_WHERE} AND NOT coalesce(is_mine, false)`);

/** Item values of a leaderboard's released results (parameters: benchmark, metric, subset). */
export const RELEASED_ITEMS_SQL = `SELECT model, model_id, false AS is_mine, NULL::VARCHAR AS upload, value
FROM main.result_items WHERE ${BOARD_WHERE} ORDER BY model_id, model, value`;

/** Item values of a leaderboard's uploaded entries that have more than one (parameters: benchmark, metric, subset). */
export const BOARD_ITEMS_SQL = `SELECT model, model_id, is_mine, upload, value FROM (
  SELECT model, coalesce(model_id, model) AS model_id, coalesce(is_mine, false) AS is_mine, upload, value,
    count(*) OVER (PARTITION BY model, model_id, coalesce(is_mine, false), upload) AS n
  FROM main.results_all WHERE value IS NOT NULL AND coalesce(is_mine, false) AND ${BOARD_WHERE})
WHERE n > 1 ORDER BY model_id, model, is_mine, upload, value`;

type Row = Record<string, CellValue>;
type ItemRow = { model: string; model_id: string; is_mine: boolean; upload: string | null; value: number };

export function resultsService(db: Pick<DbClient, 'query'>) {
  const rows = async (sql: string, params: CellValue[] = [], signal?: AbortSignal): Promise<Row[]> =>
    (await db.query(sql, { params, signal })).rows;

  return {
    /** Every leaderboard there is, by benchmark, metric, subset (with how many models each ranks). */
    async boards(signal?: AbortSignal): Promise<BoardOption[]> {
      const r = await rows(
        `SELECT benchmark, metric, subset, count(DISTINCT coalesce(model_id, model))::INTEGER AS models,
           count(DISTINCT coalesce(model_id, model)) FILTER (WHERE NOT is_mine)::INTEGER AS released,
           coalesce(string_agg(DISTINCT upload, ', ' ORDER BY upload) FILTER (WHERE is_mine), '') AS uploads
         FROM main.results_all
         WHERE value IS NOT NULL GROUP BY ALL`,
        [],
        signal,
      );
      return (r as unknown as BoardOption[]).sort(byNaturalOrder('benchmark', 'metric', 'subset'));
    },

    async board(key: BoardKey, signal?: AbortSignal): Promise<BoardRow[]> {
      return (await rows(BOARD_SQL, [key.benchmark, key.metric, key.subset], signal)) as unknown as BoardRow[];
    },

    /**
     * One leaderboard with a 95% bootstrap CI and tie group for every entry made of items. releasedOnly:
     * without the visitor's uploads (an embed), so neither the ranks nor the letters depend on them.
     */
    async rankedBoard(key: BoardKey, signal?: AbortSignal, options: { releasedOnly?: boolean } = {}): Promise<RankedBoard> {
      const params = [key.benchmark, key.metric, key.subset];
      const board = (await rows(options.releasedOnly ? RELEASED_BOARD_SQL : BOARD_SQL, params, signal)) as unknown as BoardRow[];
      // Only a board with such entries reads their items (main.result_items is fetched on first use).
      const itemized = (mine: boolean) => board.some((r) => r.is_mine === mine && r.items > 1);
      const released = itemized(false) ? ((await rows(RELEASED_ITEMS_SQL, params, signal)) as unknown as ItemRow[]) : [];
      const uploaded = itemized(true) ? ((await rows(BOARD_ITEMS_SQL, params, signal)) as unknown as ItemRow[]) : [];
      return withIntervals(board, [...released, ...uploaded]);
    },

    /** Every canonical model with how many benchmarks and results it has (models without results too). */
    async models(signal?: AbortSignal): Promise<ModelInfo[]> {
      const r = await rows(
        `SELECT m.model_id, m.display_name, m.provider, m.family, m.open_weights,
           count(DISTINCT r.benchmark)::INTEGER AS benchmarks, count(r.value)::INTEGER AS results
         FROM main.models m LEFT JOIN main.results r USING (model_id)
         GROUP BY ALL ORDER BY benchmarks DESC, results DESC, display_name`,
        [],
        signal,
      );
      return r as unknown as ModelInfo[];
    },

    /**
     * Released scores of the given models with their rank among the released entries of each leaderboard
     * they appear on. The visitor's uploads are left out: a model's page and a comparison are about what
     * was published (an upload under the same model name would otherwise pass for its result).
     */
    async resultsOf(modelIds: string[], signal?: AbortSignal): Promise<(ModelResult & { model_id: string })[]> {
      if (modelIds.length === 0) return [];
      const list = modelIds.map((_, i) => `$${i + 1}`).join(', ');
      const r = await rows(
        `WITH r AS (${entriesSql('NOT coalesce(is_mine, false)')}), ranked AS (
           SELECT r.benchmark, r.metric, r.subset, r.model_id, r.value, r.unit, r.higher_is_better,
             ${RANK_SQL}::INTEGER AS rank,
             count(*) OVER (PARTITION BY r.benchmark, r.metric, r.subset)::INTEGER AS "of"
           FROM r)
         SELECT * FROM ranked WHERE model_id IN (${list})`,
        modelIds,
        signal,
      );
      return (r as unknown as (ModelResult & { model_id: string })[]).sort(byNaturalOrder('benchmark', 'metric', 'subset', 'model_id'));
    },
  };
}

export type ResultsService = ReturnType<typeof resultsService>;
