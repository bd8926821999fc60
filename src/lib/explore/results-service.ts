// Leaderboards, model pages and model comparison, read from main.results_all (the released main.results
// plus the user's own mapped uploads, is_mine marking those) joined to main.models. Ranks are computed in
// SQL per (benchmark, metric, subset) and respect higher_is_better.
import type { DbClient } from '../db/client.ts';
import type { CellValue } from '../types.ts';

/** One leaderboard: a benchmark's metric on one subset. */
export interface BoardKey {
  benchmark: string;
  metric: string;
  subset: string;
}

export interface BoardOption extends BoardKey {
  models: number;
}

export interface BoardRow {
  rank: number;
  model: string;
  model_id: string;
  display_name: string;
  value: number;
  unit: string;
  higher_is_better: boolean;
  source: string;
  /** A row of the user's own upload (not released data). */
  is_mine: boolean;
  /** Whether model_id names a canonical model (so it has a model page). */
  canonical: boolean;
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

/** SQL of one leaderboard (parameters: benchmark, metric, subset). */
export const BOARD_SQL = `SELECT ${RANK_SQL}::INTEGER AS rank, r.model, coalesce(r.model_id, r.model) AS model_id,
  coalesce(m.display_name, r.model_id, r.model) AS display_name, r.value, r.unit, r.higher_is_better, r.source,
  coalesce(r.is_mine, false) AS is_mine, m.model_id IS NOT NULL AS canonical
FROM main.results_all r LEFT JOIN main.models m ON m.model_id = r.model_id
WHERE r.benchmark = $1 AND r.metric = $2 AND r.subset = $3 AND r.value IS NOT NULL
ORDER BY rank, display_name`;

type Row = Record<string, CellValue>;

export function resultsService(db: Pick<DbClient, 'query'>) {
  const rows = async (sql: string, params: CellValue[] = [], signal?: AbortSignal): Promise<Row[]> =>
    (await db.query(sql, { params, signal })).rows;

  return {
    /** Every leaderboard there is, by benchmark, metric, subset (with how many models each ranks). */
    async boards(signal?: AbortSignal): Promise<BoardOption[]> {
      const r = await rows(
        `SELECT benchmark, metric, subset, count(DISTINCT coalesce(model_id, model))::INTEGER AS models FROM main.results_all
         WHERE value IS NOT NULL GROUP BY ALL ORDER BY benchmark, metric, subset`,
        [],
        signal,
      );
      return r as unknown as BoardOption[];
    },

    async board(key: BoardKey, signal?: AbortSignal): Promise<BoardRow[]> {
      return (await rows(BOARD_SQL, [key.benchmark, key.metric, key.subset], signal)) as unknown as BoardRow[];
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

    /** Scores of the given models with their rank on each leaderboard they appear on. */
    async resultsOf(modelIds: string[], signal?: AbortSignal): Promise<(ModelResult & { model_id: string })[]> {
      if (modelIds.length === 0) return [];
      const list = modelIds.map((_, i) => `$${i + 1}`).join(', ');
      const r = await rows(
        `WITH ranked AS (
           SELECT r.benchmark, r.metric, r.subset, r.model_id, r.value, r.unit, r.higher_is_better,
             ${RANK_SQL}::INTEGER AS rank,
             count(*) OVER (PARTITION BY r.benchmark, r.metric, r.subset)::INTEGER AS "of"
           FROM main.results_all r WHERE r.value IS NOT NULL)
         SELECT * FROM ranked WHERE model_id IN (${list}) ORDER BY benchmark, metric, subset, model_id`,
        modelIds,
        signal,
      );
      return r as unknown as (ModelResult & { model_id: string })[];
    },
  };
}

export type ResultsService = ReturnType<typeof resultsService>;
