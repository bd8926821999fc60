// Runs one benchmark's recipe (recipe.sql and/or recipe.ts) inside its own DuckDB schema.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SkippedRows } from '../../src/lib/types.ts';
import { explainJsonError } from './json-errors.ts';
import { benchmarkDir } from './meta.ts';

export type SqlColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'BOOLEAN';

/** What a TypeScript recipe (recipe.ts, `export default async function (ctx)`) gets to work with. */
export interface RecipeContext {
  id: string;
  schema: string;
  /** Absolute path of a staged, checksum-verified release file: raw('questions/x.json') → …/raw/questions/x.json */
  raw(rel: string): string;
  /** Absolute path of a file in data/benchmarks/<id>/ (curated CSVs). */
  here(rel: string): string;
  /** Runs SQL ({{raw}} and {{here}} substituted) in the benchmark's schema and returns JS rows. */
  sql(query: string): Promise<Record<string, unknown>[]>;
  /** Creates `table` in the benchmark's schema from JS rows, with declared column types. */
  createTable(table: string, columns: Record<string, SqlColumnType>, rows: unknown[][]): Promise<void>;
  /** Documents rows left out on purpose (the release is known to contain them); shown in the catalog. */
  skip(table: string, skipped: SkippedRows): void;
}

export class RecipeError extends Error {}

export function substitute(sql: string, stageRoot: string, id: string): string {
  const raw = path.join(stageRoot, 'raw').split(path.sep).join('/');
  const here = benchmarkDir(id).split(path.sep).join('/');
  return sql.replaceAll('{{raw}}', raw).replaceAll('{{here}}', here);
}

/** Runs a multi-statement SQL script one statement at a time so errors name the statement. */
export async function runScript(conn: DuckDBConnection, script: string, label: string): Promise<void> {
  const extracted = await conn.extractStatements(script);
  const n = extracted.count;
  for (let i = 0; i < n; i++) {
    try {
      await (await extracted.prepare(i)).run();
    } catch (e) {
      throw new RecipeError(`${label}: statement ${i + 1} of ${n} failed: ${explainJsonError((e as Error).message)}`);
    }
  }
}


/** A benchmark's recipe files, in the order they run: recipe.sql, then recipe.ts (either may be absent). */
export function recipeFiles(id: string): ('recipe.sql' | 'recipe.ts')[] {
  return (['recipe.sql', 'recipe.ts'] as const).filter((f) => fs.existsSync(path.join(benchmarkDir(id), f)));
}
export async function runRecipe(
  conn: DuckDBConnection,
  id: string,
  schema: string,
  stageRoot: string,
): Promise<Map<string, SkippedRows[]>> {
  const dir = benchmarkDir(id);
  const skipped = new Map<string, SkippedRows[]>();
  await conn.run(`CREATE SCHEMA IF NOT EXISTS "${schema}"; USE "${schema}"`);
  try {
    const files = recipeFiles(id);
    const sqlFile = path.join(dir, 'recipe.sql');
    if (files.includes('recipe.sql')) {
      await runScript(conn, substitute(fs.readFileSync(sqlFile, 'utf8'), stageRoot, id), `${id}/recipe.sql`);
    }
    const tsFile = path.join(dir, 'recipe.ts');
    if (files.includes('recipe.ts')) {
      const mod = (await import(pathToFileURL(tsFile).href)) as { default: (ctx: RecipeContext) => Promise<void> };
      const ctx: RecipeContext = {
        id,
        schema,
        raw: (rel) => path.join(stageRoot, 'raw', rel),
        here: (rel) => path.join(dir, rel),
        sql: async (q) => {
          try {
            return (await conn.runAndReadAll(substitute(q, stageRoot, id))).getRowObjectsJS() as Record<string, unknown>[];
          } catch (e) {
            throw new RecipeError(`${id}/recipe.ts: ${explainJsonError((e as Error).message)}`);
          }
        },
        createTable: (table, columns, rows) => createTableFromRows(conn, schema, table, columns, rows),
        skip: (table, s) => skipped.set(table, [...(skipped.get(table) ?? []), s]),
      };
      try {
        await mod.default(ctx);
      } catch (e) {
        if (e instanceof RecipeError) throw e;
        throw new RecipeError(`${id}/recipe.ts failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await conn.run('USE memory.main');
  }
  return skipped;
}

async function createTableFromRows(
  conn: DuckDBConnection,
  schema: string,
  table: string,
  columns: Record<string, SqlColumnType>,
  rows: unknown[][],
): Promise<void> {
  const names = Object.keys(columns);
  const ddl = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  await conn.run(`CREATE TABLE "${schema}"."${table}" (${ddl})`);
  const appender = await conn.createAppender(table, schema);
  rows.forEach((row, r) => {
    if (row.length !== names.length)
      throw new RecipeError(`${schema}.${table}: row ${r + 1} has ${row.length} values for ${names.length} columns`);
    names.forEach((n, i) => {
      const v = row[i];
      if (v === null || v === undefined) return appender.appendNull();
      switch (columns[n]) {
        case 'VARCHAR':
          return appender.appendVarchar(String(v));
        case 'DOUBLE':
          return appender.appendDouble(Number(v));
        case 'INTEGER':
          return appender.appendInteger(Number(v));
        case 'BIGINT':
          return appender.appendBigInt(BigInt(v as number));
        case 'BOOLEAN':
          return appender.appendBoolean(Boolean(v));
      }
    });
    appender.endRow();
  });
  appender.closeSync();
}
