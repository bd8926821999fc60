// The canonical model registry (data/models.csv) and each benchmark's spellings of model names
// (data/benchmarks/<id>/model_aliases.csv), loaded into main.models and main.model_aliases.
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { benchmarkDir } from './meta.ts';
import { modelsCsv } from './paths.ts';

const sqlPath = (p: string) => `'${p.split(path.sep).join('/').replaceAll("'", "''")}'`;

export async function loadModels(conn: DuckDBConnection, ids: string[]): Promise<void> {
  await conn.run(`
    CREATE OR REPLACE TABLE main.models AS
    SELECT model_id, display_name, provider, family, open_weights
    FROM read_csv(${sqlPath(modelsCsv)}, header = true, all_varchar = false,
      columns = {'model_id': 'VARCHAR', 'display_name': 'VARCHAR', 'provider': 'VARCHAR', 'family': 'VARCHAR', 'open_weights': 'BOOLEAN'})
    ORDER BY model_id`);
  const dupes = (await conn.runAndReadAll(`SELECT model_id FROM main.models GROUP BY 1 HAVING count(*) > 1`)).getRowObjectsJS();
  if (dupes.length) throw new Error(`data/models.csv: model_id listed twice: ${dupes.map((d) => d.model_id).join(', ')}`);
  await conn.run(`CREATE OR REPLACE TABLE main.model_aliases (alias VARCHAR, model_id VARCHAR, benchmark VARCHAR)`);
  for (const id of ids) {
    const file = path.join(benchmarkDir(id), 'model_aliases.csv');
    if (!fs.existsSync(file)) continue;
    await conn.run(`INSERT INTO main.model_aliases
      SELECT alias, model_id, '${id}' FROM read_csv(${sqlPath(file)}, header = true,
        columns = {'alias': 'VARCHAR', 'model_id': 'VARCHAR'})`);
  }
  const unknown = (
    await conn.runAndReadAll(`SELECT benchmark, alias, a.model_id FROM main.model_aliases a
      ANTI JOIN main.models m USING (model_id) ORDER BY 1, 2`)
  ).getRowObjectsJS();
  if (unknown.length)
    throw new Error(
      `model_aliases.csv names model ids missing from data/models.csv:\n  ${unknown.map((u) => `${u.benchmark}: "${u.alias}" → ${u.model_id}`).join('\n  ')}`,
    );
}

/** Fills main.results.model_id; every spelling must resolve, or the build says which do not. */
export async function mapResultModels(conn: DuckDBConnection): Promise<void> {
  await conn.run(`
    UPDATE main.results r SET model_id = coalesce(
      (SELECT a.model_id FROM main.model_aliases a WHERE a.benchmark = r.benchmark AND a.alias = r.model),
      (SELECT m.model_id FROM main.models m WHERE m.model_id = r.model),
      (SELECT min(m.model_id) FROM main.models m WHERE lower(m.display_name) = lower(r.model)))`);
  const unmapped = (
    await conn.runAndReadAll(`SELECT benchmark, model, count(*) AS n FROM main.results WHERE model_id IS NULL GROUP BY 1, 2 ORDER BY 1, 2`)
  ).getRowObjectsJS();
  if (unmapped.length)
    throw new Error(
      `main.results: model spellings with no canonical id (add them to data/benchmarks/<id>/model_aliases.csv or data/models.csv):\n  ${unmapped
        .map((u) => `${u.benchmark}: "${u.model}" (${u.n} rows)`)
        .join('\n  ')}`,
    );
  // Record the spellings that resolved by id or display name too, so main.model_aliases is complete.
  await conn.run(`
    INSERT INTO main.model_aliases
    SELECT DISTINCT r.model, r.model_id, r.benchmark FROM main.results r
    WHERE NOT EXISTS (SELECT 1 FROM main.model_aliases a WHERE a.benchmark = r.benchmark AND a.alias = r.model)`);
}
