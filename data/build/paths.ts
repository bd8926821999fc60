// Where the data build reads and writes. Build-time only (Node).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const benchmarksDir = path.join(repoRoot, 'data/benchmarks');
export const modelsCsv = path.join(repoRoot, 'data/models.csv');

/** Local mirror of release files laid out as <benchmark>/raw/... ; PERSONASCOPE_MIRROR overrides. */
export const mirrorDir = path.resolve(process.env.PERSONASCOPE_MIRROR ?? path.join(repoRoot, '../shared/data'));

/** Verified release files are staged here (downloads land here too), so recipes only ever see checked bytes. */
export const stageDir = path.resolve(process.env.PERSONASCOPE_STAGE ?? path.join(repoRoot, '.cache/raw'));

/** Generated site data: tables and catalog.json. Git-ignored. */
export const outDir = process.env.PERSONASCOPE_OUT ? path.resolve(process.env.PERSONASCOPE_OUT) : path.join(repoRoot, 'public/data');

/** DuckDB schema for a benchmark id: ids use '-', SQL identifiers are nicer with '_'. */
export function schemaFor(id: string): string {
  return id.replace(/-/g, '_');
}
