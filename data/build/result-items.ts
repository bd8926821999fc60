// The item rows behind released results. A recipe may make a `result_items` table (model, metric,
// subset, item, value): one row per item whose mean is a row of its `results`. The build holds it to
// that (every item belongs to a results row, every itemized value is the mean of its items) and
// publishes them as main.result_items, so leaderboards can give released results intervals too.
import type { DuckDBConnection } from '@duckdb/node-api';

/** Columns a recipe's `result_items` table must have (the build adds benchmark and model_id). */
export const RESULT_ITEMS_COLUMNS = ['model', 'metric', 'subset', 'item', 'value'] as const;

/** How far a released value may be from the mean of its items (float sums, not a different number). */
export const MEAN_TOLERANCE = 1e-9;

const json = (r: unknown) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));

/**
 * Problems of a recipe's result_items (empty when it holds): rows with a missing field, an item twice
 * on one results row, items of no results row, and results rows whose value is not their items' mean.
 * Subsets are compared as main.results stores them (a missing subset is 'overall').
 */
export async function resultItemsProblems(conn: DuckDBConnection, schema: string): Promise<string[]> {
  const s = `"${schema}"`;
  const key = `model, metric, coalesce(subset, 'overall') AS subset`;
  const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const problems: string[] = [];
  const report = (rows: Record<string, unknown>[], what: string) => {
    if (rows.length) problems.push(`result_items: ${rows.length} ${what}, e.g.\n    ${rows.slice(0, 5).map(json).join('\n    ')}`);
  };
  report(
    await read(`SELECT ${key}, item, value FROM ${s}.result_items WHERE model IS NULL OR metric IS NULL OR item IS NULL OR value IS NULL OR isnan(value)`),
    'rows without a model, metric, item or value',
  );
  report(
    await read(`SELECT ${key}, item, count(*)::INTEGER AS times FROM ${s}.result_items GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL`),
    'items listed more than once for one results row',
  );
  report(
    await read(`SELECT ${key}, count(*)::INTEGER AS items FROM ${s}.result_items i
      WHERE NOT EXISTS (SELECT 1 FROM ${s}.results r WHERE r.model = i.model AND r.metric = i.metric
        AND coalesce(r.subset, 'overall') = coalesce(i.subset, 'overall'))
      GROUP BY ALL ORDER BY ALL`),
    'groups of item rows that belong to no results row (model, metric, subset)',
  );
  const wrong = await read(`
    WITH m AS (SELECT ${key}, avg(value) AS mean, count(*)::INTEGER AS items FROM ${s}.result_items GROUP BY ALL)
    SELECT r.model, r.metric, coalesce(r.subset, 'overall') AS subset, r.value AS released, m.mean AS mean_of_items, m.items
    FROM ${s}.results r JOIN m ON m.model = r.model AND m.metric = r.metric AND m.subset = coalesce(r.subset, 'overall')
    WHERE NOT abs(r.value - m.mean) <= ${MEAN_TOLERANCE}
    ORDER BY ALL`);
  for (const w of wrong)
    problems.push(
      `result_items: the results row ${json({ model: w.model, metric: w.metric, subset: w.subset })} gives ${w.released}, but the mean of its ${w.items} items is ${w.mean_of_items} (they must agree to ${MEAN_TOLERANCE})`,
    );
  return problems;
}

/** Adds a benchmark's checked items to main.result_items (model_id is filled by resolveResultItems). */
export async function insertResultItems(conn: DuckDBConnection, id: string, schema: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `INSERT INTO main.result_items SELECT '${id}', model, NULL, metric, coalesce(subset, 'overall'), item, value FROM "${schema}".result_items`,
  );
  return Number(r.getRowsJS()[0]?.[0] ?? 0);
}

/**
 * After main.results has its model ids: each item takes its results row's id (so an item is named as
 * its result is), and each results row records how many items stand behind it (NULL: an aggregate).
 */
export async function resolveResultItems(conn: DuckDBConnection): Promise<void> {
  const sameRow = 'r.benchmark = i.benchmark AND r.model = i.model AND r.metric = i.metric AND r.subset = i.subset';
  await conn.run(`UPDATE main.result_items i SET model_id = r.model_id FROM main.results r WHERE ${sameRow}`);
  await conn.run(`UPDATE main.results r SET n_items = i.n
    FROM (SELECT benchmark, model, metric, subset, count(*)::INTEGER AS n FROM main.result_items GROUP BY ALL) i WHERE ${sameRow}`);
}
