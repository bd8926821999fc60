// `npm run data`: release files → verified stage → recipes → checks → Arrow tables + catalog.json.
// `npm run data -- --only <id>[,<id>]` builds a subset (its tables only; catalog.json is left alone).
// `npm run data -- --keep-going` writes the catalog of the benchmarks that built, then still fails (development aid).
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BenchmarkEntry, Catalog, Claim, ColumnDoc, CuratedFile, Provenance, TableInfo } from '../../src/lib/types.ts';
import { exportTable } from './arrow-export.ts';
import { runChecks } from './checks.ts';
import { matchGlobs } from './glob.ts';
import { sha256OfFile } from './hash.ts';
import { ManifestError, readManifest } from './manifest.ts';
import { benchmarkDir, listBenchmarkIds, loadMeta, type BenchmarkMeta, type TableMeta } from './meta.ts';
import { loadModels, mapResultModels } from './models.ts';
import { outDir, repoRoot, schemaFor } from './paths.ts';
import { recipeFiles, runRecipe } from './recipe.ts';
import { insertResultItems, resolveResultItems, RESULT_ITEMS_COLUMNS, resultItemsProblems } from './result-items.ts';
import { ResolveError, resolveFiles } from './resolve.ts';
import { CLAIMS_COLUMNS, RESULTS_COLUMNS, SHARED_TABLES, SPECIAL_TABLES } from './shared-tables.ts';

class BuildError extends Error {}

async function tableNames(conn: DuckDBConnection, schema: string): Promise<string[]> {
  const rows = (
    await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE schema_name = $1 ORDER BY 1`, [schema])
  ).getRowObjectsJS();
  return rows.map((r) => String(r.table_name));
}

async function columnNames(conn: DuckDBConnection, qualified: string): Promise<string[]> {
  return (await conn.runAndReadAll(`DESCRIBE ${qualified}`)).getRowObjectsJS().map((r) => String(r.column_name));
}

/** Writes one table's file and returns its catalog entry; fails when any column is undocumented. */
async function publishTable(
  conn: DuckDBConnection,
  schema: string,
  name: string,
  meta: TableMeta,
  sourceCount: number,
  fileDir: string,
): Promise<TableInfo> {
  const qualified = `"${schema}"."${name}"`;
  const { bytes, rows, columns } = await exportTable(conn, qualified);
  const undocumented = columns.filter((c) => !meta.columns[c.name]).map((c) => c.name);
  const stale = Object.keys(meta.columns).filter((c) => !columns.some((x) => x.name === c));
  if (undocumented.length || stale.length)
    throw new BuildError(
      `${schema}.${name}: ${undocumented.length ? `columns without a description in meta.json: ${undocumented.join(', ')}` : ''}${
        stale.length ? ` described columns the table does not have: ${stale.join(', ')}` : ''
      }`,
    );
  if (meta.expectRows !== undefined && meta.expectRows !== rows)
    throw new BuildError(`${schema}.${name}: expected ${meta.expectRows} rows (meta.json expectRows), recipe produced ${rows}`);
  const rel = `${fileDir}/${name}.arrow.gz`;
  fs.mkdirSync(path.join(outDir, fileDir), { recursive: true });
  fs.writeFileSync(path.join(outDir, rel), bytes);
  const docs: ColumnDoc[] = columns.map((c) => ({
    ...c,
    description: meta.columns[c.name].description,
    unit: meta.columns[c.name].unit ?? null,
  }));
  return {
    name,
    qualified: `${schema}.${name}`,
    schema,
    title: meta.title,
    description: meta.description,
    rows,
    columns: docs,
    file: rel,
    bytes: bytes.length,
    sources: meta.sources,
    sourceCount,
    ...(meta.aggregate ? { aggregate: true as const } : {}),
  };
}

async function checkShape(conn: DuckDBConnection, qualified: string, want: readonly string[]): Promise<void> {
  const have = await columnNames(conn, qualified);
  const missing = want.filter((c) => !have.includes(c));
  const extra = have.filter((c) => !want.includes(c));
  if (missing.length || extra.length)
    throw new BuildError(`${qualified} must have exactly the columns ${want.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unexpected ${extra.join(', ')}` : ''}`);
}

function curatedFiles(id: string, meta: BenchmarkMeta): CuratedFile[] {
  return meta.curated.map((c) => {
    const abs = path.join(benchmarkDir(id), c.path);
    return { path: c.path, sha256: sha256OfFile(abs), bytes: fs.statSync(abs).size, provenance: c.provenance };
  });
}

async function buildBenchmark(conn: DuckDBConnection, id: string): Promise<BenchmarkEntry> {
  const meta = loadMeta(id);
  const schema = schemaFor(id);
  const sourceFiles = readManifest(id, meta.releases);
  const stage = await resolveFiles(id, sourceFiles);
  const skipped = await runRecipe(conn, id, schema, stage);

  const made = await tableNames(conn, schema);
  const published = made.filter((t) => !t.startsWith('_') && !SPECIAL_TABLES.includes(t));
  const undescribed = published.filter((t) => !meta.tables[t]);
  const missing = Object.keys(meta.tables).filter((t) => !made.includes(t));
  if (undescribed.length) throw new BuildError(`${id}: recipe made tables not described in meta.json: ${undescribed.join(', ')}`);
  if (missing.length) throw new BuildError(`${id}: meta.json describes tables the recipe did not make: ${missing.join(', ')}`);

  const checks = await runChecks(conn, id, schema);
  if (checks.failures.length) throw new BuildError(checks.failures.join('\n'));

  const known = [...sourceFiles.map((f) => f.path), ...meta.curated.map((c) => c.path)];
  const tables: TableInfo[] = [];
  const tableSources: Record<string, string[]> = {};
  for (const name of published) {
    const t = meta.tables[name];
    const { matched, unmatched } = matchGlobs(t.sources, known);
    if (unmatched.length) throw new BuildError(`${id}.${name}: sources match no release or curated file: ${unmatched.join(', ')}`);
    const info = await publishTable(conn, schema, name, t, matched.length, id);
    if (skipped.has(name)) info.skipped = skipped.get(name);
    tables.push(info);
    tableSources[name] = matched;
  }
  // The file list can be long (hundreds of files): it lives beside the tables, not in catalog.json.
  const provenance: Provenance = { sourceFiles, tableSources };
  const provenanceFile = `${id}/provenance.json`;
  fs.mkdirSync(path.join(outDir, id), { recursive: true });
  fs.writeFileSync(path.join(outDir, provenanceFile), JSON.stringify(provenance));

  let resultsRows = 0;
  if (made.includes('results')) {
    await checkShape(conn, `"${schema}".results`, RESULTS_COLUMNS);
    const r = await conn.runAndReadAll(
      `INSERT INTO main.results SELECT '${id}', model, NULL, metric, coalesce(subset, 'overall'), value, unit, higher_is_better, source, NULL FROM "${schema}".results`,
    );
    resultsRows = Number(r.getRowsJS()[0]?.[0] ?? 0);
    const nulls = (await conn.runAndReadAll(`SELECT count(*) AS n FROM "${schema}".results WHERE value IS NULL OR model IS NULL OR metric IS NULL`)).getRowObjectsJS();
    if (Number(nulls[0].n)) throw new BuildError(`${id}: results has ${nulls[0].n} rows with no model, metric or value`);
  }
  let itemRows = 0;
  if (made.includes('result_items')) {
    if (!made.includes('results')) throw new BuildError(`${id}: the recipe made result_items but no results table for them to belong to`);
    await checkShape(conn, `"${schema}".result_items`, RESULT_ITEMS_COLUMNS);
    const problems = await resultItemsProblems(conn, schema);
    // The caller prefixes the first line with the benchmark id; the others get it here.
    if (problems.length) throw new BuildError(problems.join(`\n${id}: `));
    itemRows = await insertResultItems(conn, id, schema);
  }
  let claims: Claim[] = [];
  if (made.includes('claims')) {
    await checkShape(conn, `"${schema}".claims`, CLAIMS_COLUMNS);
    await conn.run(`INSERT INTO main.claims SELECT '${id}', claim, value, unit, source FROM "${schema}".claims`);
    claims = (await conn.runAndReadAll(`SELECT claim, value, unit, source FROM "${schema}".claims`)).getRowObjectsJS().map((r) => ({
      text: String(r.claim),
      value: r.value === null ? null : Number(r.value),
      unit: r.unit === null ? null : String(r.unit),
      source: String(r.source),
    }));
  }

  // Empty when nothing but the paper's links is here (data unreleased or not mirrored).
  const availability: BenchmarkEntry['availability'] = [];
  if (resultsRows > 0) availability.push('results');
  // Item data only where some table holds the release's items; summary numbers alone are 'tables'.
  if (tables.some((t) => !t.aggregate)) availability.push('items');
  else if (tables.length > 0) availability.push('tables');
  if (claims.length > 0) availability.push('claims');
  console.log(
    `  ${id}: ${sourceFiles.length} release files, ${tables.length} tables (${tables.map((t) => `${t.name} ${t.rows}`).join(', ') || '—'}), ${resultsRows} results${itemRows ? ` (${itemRows} item rows)` : ''}, ${claims.length} claims, ${checks.passed} checks`,
  );
  return {
    id,
    schema,
    short: meta.short,
    title: meta.title,
    authors: meta.authors,
    venue: meta.venue,
    year: meta.year,
    arxiv: meta.arxiv,
    links: meta.links,
    bibtex: meta.bibtex,
    summary: meta.summary,
    license: meta.license,
    dataLocation: meta.dataLocation,
    availability,
    claims,
    tables,
    resultsRows,
    sourceFileCount: sourceFiles.length,
    provenanceFile,
    curatedFiles: curatedFiles(id, meta),
  };
}

async function createSharedTables(conn: DuckDBConnection): Promise<void> {
  await conn.run(`
    CREATE TABLE main.results (benchmark VARCHAR, model VARCHAR, model_id VARCHAR, metric VARCHAR, subset VARCHAR,
      value DOUBLE, unit VARCHAR, higher_is_better BOOLEAN, source VARCHAR, n_items INTEGER);
    CREATE TABLE main.result_items (benchmark VARCHAR, model VARCHAR, model_id VARCHAR, metric VARCHAR, subset VARCHAR,
      item VARCHAR, value DOUBLE);
    CREATE TABLE main.claims (benchmark VARCHAR, claim VARCHAR, value DOUBLE, unit VARCHAR, source VARCHAR);`);
}

/** The recipe files of the benchmarks that put rows into main.<name> (each writes its own). */
async function contributingRecipes(conn: DuckDBConnection, name: string, ids: string[]): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT DISTINCT benchmark FROM main.${name} ORDER BY benchmark`);
  const present = new Set(reader.getRowObjects().map((r) => String(r.benchmark)));
  return ids
    .filter((id) => present.has(id))
    .flatMap((id) => recipeFiles(id).map((f) => `data/benchmarks/${id}/${f}`));
}

async function publishShared(conn: DuckDBConnection, ids: string[]): Promise<TableInfo[]> {
  // Keep only models some benchmark reports, so the models page never lists an orphan.
  await conn.run(`DELETE FROM main.models WHERE model_id NOT IN (SELECT model_id FROM main.results UNION SELECT model_id FROM main.model_aliases)`);
  await conn.run(`CREATE OR REPLACE TABLE main.results AS SELECT * FROM main.results ORDER BY benchmark, model_id, metric, subset`);
  await conn.run(`CREATE OR REPLACE TABLE main.result_items AS SELECT * FROM main.result_items ORDER BY benchmark, model_id, metric, subset, item`);
  const out: TableInfo[] = [];
  for (const name of ['results', 'result_items', 'models', 'model_aliases', 'claims']) {
    const meta = SHARED_TABLES[name];
    const sources = name === 'models' || name === 'model_aliases' ? meta.sources : await contributingRecipes(conn, name, ids);
    out.push(await publishTable(conn, 'main', name, { ...meta, sources }, sources.length, 'main'));
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyArg = args.indexOf('--only');
  const all = listBenchmarkIds();
  const only = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',').filter(Boolean) : null;
  const unknown = (only ?? []).filter((id) => !all.includes(id));
  if (unknown.length) throw new BuildError(`unknown benchmark ids: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  const ids = only ?? all;
  const started = performance.now();
  console.log(`Building ${ids.length} benchmarks into ${path.relative(repoRoot, outDir) || outDir}`);

  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '2',
  });
  const conn = await instance.connect();
  await createSharedTables(conn);
  await loadModels(conn, ids);

  const entries: BenchmarkEntry[] = [];
  const failures: string[] = [];
  for (const id of ids) {
    try {
      entries.push(await buildBenchmark(conn, id));
    } catch (e) {
      // Keep going so one run reports every broken benchmark, then fail.
      failures.push(e instanceof ResolveError ? e.message : `${id}: ${(e as Error).message}`);
    }
  }
  const keepGoing = args.includes('--keep-going');
  if (failures.length && !keepGoing) throw new BuildError(`${failures.length} benchmark(s) failed:\n${failures.join('\n')}`);

  await mapResultModels(conn);
  await resolveResultItems(conn);
  if (only) {
    // A partial build must not overwrite the shared tables or the catalog of a full one.
    console.log(`--only: results and model names check out; main.* and catalog.json left as they were`);
  } else {
    const shared = await publishShared(conn, ids);
    const catalog: Catalog = { format: 1, benchmarks: entries, shared };
    fs.writeFileSync(path.join(outDir, 'catalog.json'), JSON.stringify(catalog));
    console.log(`catalog.json: ${entries.length} benchmarks; ${shared.map((t) => `main.${t.name} ${t.rows}`).join(', ')}`);
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length) throw new BuildError(`--keep-going: catalog written without ${failures.length} failed benchmark(s):\n${failures.join('\n')}`);
}

main().catch((e) => {
  console.error(`data build failed: ${e instanceof BuildError || e instanceof ResolveError || e instanceof ManifestError ? e.message : (e as Error).stack}`);
  process.exit(1);
});
