// The user's tables inside DuckDB: create mine.<name> from prepared bytes, describe, drop, and keep
// the two result views in step:
//   mine.results      every mapped user table's rows in main.results' shape (+ upload = its table)
//   main.results_all  main.results ∪ mine.results, with is_mine (false for released rows).
import type { ResultsMapping, UserTableInfo } from '../../types.ts';
import type { Engine } from '../client.ts';
import { quoteIdent, quoteLiteral } from '../sql-text.ts';
import type { Prepared } from './prepare.ts';
import { explainOneColumn } from './text-checks.ts';
import { UploadError } from './upload-error.ts';

export const MINE = 'mine';

const mineTable = (name: string) => `${MINE}.${quoteIdent(name)}`;

/** Creates mine.<name> from a prepared file; returns its row count and columns. */
export async function createUserTable(
  engine: Engine,
  name: string,
  prepared: Prepared,
): Promise<Pick<UserTableInfo, 'rows' | 'columns'>> {
  await engine.run(`CREATE SCHEMA IF NOT EXISTS ${MINE}`);
  await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
  if (prepared.format === 'csv') {
    // A file name of our own making (never user text) under which DuckDB reads the bytes.
    const file = `upload_${name}.csv`;
    // DuckDB's worker takes ownership of the buffer (no copy of a 100 MB file): `prepared` is used up here.
    await engine.registerFileBuffer(file, prepared.bytes);
    try {
      await engine.run(createFromCsvSql(name, file, prepared.delimiter));
    } catch (e) {
      throw csvError(e);
    } finally {
      await engine.dropFile(file);
    }
  } else {
    await engine.insertArrowIPC(MINE, name, prepared.ipc);
  }
  const info = await describeUserTable(engine, name);
  if (info.rows === 0) {
    await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
    throw new UploadError('the file has a header but no data rows.');
  }
  if (prepared.format === 'csv' && info.columns.length === 1) {
    const why = explainOneColumn(prepared.head);
    if (why) {
      await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
      throw new UploadError(
        `only one column was found (header “${info.columns[0].name.slice(0, 60)}”): ${why}. Separate fields with , ; tab or |, the same number on every line.`,
        { line: 1 },
      );
    }
  }
  return info;
}

/**
 * The statement that reads a CSV file into mine.<name>: every row sampled for the column types. Also run
 * by the upload bench on native DuckDB, so both engines build the table the same way.
 */
export function createFromCsvSql(name: string, file: string, delimiter: string | null): string {
  const options = ['header = true', 'sample_size = -1', ...(delimiter ? [`delim = ${quoteLiteral(delimiter)}`] : [])];
  return `CREATE TABLE ${mineTable(name)} AS SELECT * FROM read_csv(${quoteLiteral(file)}, ${options.join(', ')})`;
}

/** DuckDB's CSV error, with the line it names kept as `where.line`. */
function csvError(e: unknown): UploadError {
  const message = e instanceof Error ? e.message : String(e);
  const line = /\bLine:? (\d+)/i.exec(message);
  const short = message.split('\n').filter((l) => l.trim() && !/^\s*Possible (fixes|Solution)/i.test(l))[0] ?? message;
  return new UploadError(`DuckDB could not read it as CSV: ${short}`, line ? { line: Number(line[1]) } : {});
}

export async function describeUserTable(engine: Engine, name: string): Promise<Pick<UserTableInfo, 'rows' | 'columns'>> {
  const cols = await engine.run(
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index`,
    [MINE, name],
  );
  const count = await engine.run(`SELECT count(*)::BIGINT AS n FROM ${mineTable(name)}`);
  return { rows: Number(count.rows[0].n), columns: cols.rows.map((r) => ({ name: String(r.name), type: String(r.type) })) };
}

export async function dropUserTable(engine: Engine, name: string): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
}

/** The default benchmark id of a user table's rows: its own leaderboard. */
export const ownBenchmark = (name: string) => `mine:${name}`;

/** One SELECT turning a mapped user table into main.results' columns. */
function resultsSelect(t: Pick<UserTableInfo, 'name' | 'qualified' | 'mapping'>): string {
  const m = t.mapping as ResultsMapping;
  const col = (c: string) => quoteIdent(c);
  const text = (c: string | null) => (c ? `CAST(${col(c)} AS VARCHAR)` : 'NULL::VARCHAR');
  const benchmark = 'column' in m.benchmark ? text(m.benchmark.column) : quoteLiteral(m.benchmark.fixed);
  return `SELECT ${benchmark} AS benchmark, ${text(m.model)} AS model, ${text(m.model)} AS model_id, ${text(m.metric)} AS metric,
  coalesce(${text(m.subset)}, '') AS subset, TRY_CAST(${col(m.value)} AS DOUBLE) AS value, ${text(m.unit)} AS unit,
  ${m.higherIsBetter ? `TRY_CAST(${col(m.higherIsBetter)} AS BOOLEAN)` : 'NULL::BOOLEAN'} AS higher_is_better,
  ${quoteLiteral(t.qualified)} AS source, ${quoteLiteral(t.qualified)} AS upload
FROM ${mineTable(t.name)} WHERE ${col(m.value)} IS NOT NULL`;
}

const EMPTY_RESULTS = `SELECT NULL::VARCHAR AS benchmark, NULL::VARCHAR AS model, NULL::VARCHAR AS model_id, NULL::VARCHAR AS metric,
  NULL::VARCHAR AS subset, NULL::DOUBLE AS value, NULL::VARCHAR AS unit, NULL::BOOLEAN AS higher_is_better,
  NULL::VARCHAR AS source, NULL::VARCHAR AS upload WHERE false`;

/** SQL (two statements) that (re)defines mine.results and main.results_all for these tables. */
export function resultsViewsSql(tables: Pick<UserTableInfo, 'name' | 'qualified' | 'mapping'>[]): string[] {
  const mapped = tables.filter((t) => t.mapping);
  const mine = mapped.length ? mapped.map(resultsSelect).join('\nUNION ALL\n') : EMPTY_RESULTS;
  return [
    `CREATE OR REPLACE VIEW ${MINE}.results AS ${mine}`,
    // Unit and direction missing from a file come from the released rows of the same metric.
    `CREATE OR REPLACE VIEW main.results_all AS
SELECT benchmark, model, model_id, metric, subset, value, unit, higher_is_better, source, false AS is_mine, NULL::VARCHAR AS upload
FROM main.results
UNION ALL
SELECT y.benchmark, y.model, y.model_id, y.metric, y.subset, y.value, coalesce(y.unit, k.unit, ''),
  coalesce(y.higher_is_better, k.higher_is_better, true), y.source, true AS is_mine, y.upload
FROM ${MINE}.results y LEFT JOIN (
  SELECT benchmark, metric, any_value(unit) AS unit, bool_and(higher_is_better) AS higher_is_better
  FROM main.results GROUP BY benchmark, metric
) k ON k.benchmark = y.benchmark AND k.metric = y.metric`,
  ];
}

export async function rebuildResultsViews(engine: Engine, tables: UserTableInfo[]): Promise<void> {
  await engine.run(`CREATE SCHEMA IF NOT EXISTS ${MINE}`);
  for (const sql of resultsViewsSql(tables)) await engine.run(sql);
}

const GUESSES: Record<'model' | 'metric' | 'value' | 'benchmark' | 'subset' | 'unit' | 'higherIsBetter', string[]> = {
  model: ['model', 'model_name', 'model_id', 'llm', 'system'],
  metric: ['metric', 'metric_name', 'measure', 'task'],
  value: ['value', 'score', 'result', 'accuracy'],
  benchmark: ['benchmark', 'benchmark_id', 'dataset'],
  subset: ['subset', 'split', 'setting'],
  unit: ['unit'],
  higherIsBetter: ['higher_is_better'],
};

/**
 * A mapping from column names: exact when the file has model, metric and value columns; otherwise
 * the best guesses (the user confirms them). Null fields mean no column fits.
 */
export function guessMapping(
  name: string,
  columns: string[],
): { mapping: Partial<ResultsMapping>; exact: boolean } {
  const byLower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const pick = (key: keyof typeof GUESSES) => GUESSES[key].map((g) => byLower.get(g)).find((c) => c !== undefined) ?? null;
  const model = pick('model');
  const metric = pick('metric');
  const value = pick('value');
  const benchmarkCol = pick('benchmark');
  const exact = byLower.has('model') && byLower.has('metric') && byLower.has('value');
  return {
    exact,
    mapping: {
      ...(model ? { model } : {}),
      ...(metric ? { metric } : {}),
      ...(value ? { value } : {}),
      benchmark: benchmarkCol ? { column: benchmarkCol } : { fixed: ownBenchmark(name) },
      subset: pick('subset'),
      unit: pick('unit'),
      higherIsBetter: pick('higherIsBetter'),
    },
  };
}

/** Checks a mapping against the table: the columns exist and every value is a number (else row and column). */
export async function validateMapping(engine: Engine, name: string, m: ResultsMapping): Promise<void> {
  const { columns } = await describeUserTable(engine, name);
  const have = new Set(columns.map((c) => c.name));
  const used = [m.model, m.metric, m.value, 'column' in m.benchmark ? m.benchmark.column : null, m.subset, m.unit, m.higherIsBetter];
  for (const c of used) if (c && !have.has(c)) throw new UploadError(`mine.${name} has no column “${c}”.`);
  const bad = await engine.run(
    `SELECT row_number FROM (SELECT row_number() OVER () AS row_number, ${quoteIdent(m.value)} AS v FROM ${mineTable(name)})
     WHERE v IS NOT NULL AND TRY_CAST(v AS DOUBLE) IS NULL LIMIT 1`,
  );
  if (bad.rows.length) {
    const row = Number(bad.rows[0].row_number);
    const shown = await engine.run(
      `SELECT CAST(v AS VARCHAR) AS v FROM (SELECT row_number() OVER () AS r, ${quoteIdent(m.value)} AS v FROM ${mineTable(name)}) WHERE r = ?`,
      [row],
    );
    throw new UploadError(`row ${row}, column “${m.value}”: “${String(shown.rows[0]?.v).slice(0, 40)}” is not a number, so it cannot be a result value.`, {
      row,
    });
  }
  if (m.higherIsBetter) {
    const b = await engine.run(
      `SELECT count(*) AS n FROM ${mineTable(name)} WHERE ${quoteIdent(m.higherIsBetter)} IS NOT NULL AND TRY_CAST(${quoteIdent(m.higherIsBetter)} AS BOOLEAN) IS NULL`,
    );
    if (Number(b.rows[0].n) > 0) throw new UploadError(`column “${m.higherIsBetter}” must hold true/false values.`);
  }
}
