// The user's tables inside DuckDB: create mine.<name> from prepared bytes, describe, drop, and keep
// the two result views in step:
//   mine.results      every mapped user table's rows in main.results' shape (+ upload = its table)
//   main.results_all  main.results ∪ mine.results, with is_mine (false for released rows).
import type { ResultsMapping, UserTableInfo } from '../../types.ts';
import type { Engine } from '../client.ts';
import { quoteIdent, quoteLiteral } from '../sql-text.ts';
import type { Prepared } from './prepare.ts';
import { formatBytes, MAX_CSV_LINE_BYTES } from './limits.ts';
import { readDecimalCommas } from './decimal-commas.ts';
import { explainOneColumn } from './text-checks.ts';
import { UploadError } from './upload-error.ts';

import { MINE, RESULTS_VIEW } from './names.ts';
export { MINE };

/** The catalog tables main.results_all and the mapping checks read: loaded before either is used. */
export const RESULTS_ALL_READS = ['main.results', 'main.models', 'main.model_aliases'];

const mineTable = (name: string) => `${MINE}.${quoteIdent(name)}`;

/** Creates mine.<name> from a prepared file; returns its row count, columns and what reading it changed. */
export async function createUserTable(
  engine: Engine,
  name: string,
  prepared: Prepared,
): Promise<Pick<UserTableInfo, 'rows' | 'columns'> & { notes: string[] }> {
  const notes = prepared.format === 'csv' ? [] : [...(prepared.notes ?? [])];
  await engine.run(`CREATE SCHEMA IF NOT EXISTS ${MINE}`);
  await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
  if (prepared.format === 'csv') {
    // A file name of our own making (never user text) under which DuckDB reads the bytes.
    const file = `upload_${name}.csv`;
    // DuckDB's worker takes ownership of the buffer (no copy of a 100 MB file): `prepared` is used up here.
    await engine.registerFileBuffer(file, prepared.bytes);
    try {
      notes.push(...(await readCsv(engine, name, file, prepared.delimiter)));
    } finally {
      await engine.dropFile(file);
    }
    const { columns } = await describeUserTable(engine, name);
    notes.push(...(await readDecimalCommas(engine, name, prepared.delimiter, columns)));
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
  return { ...info, notes };
}

/**
 * The statement that reads a CSV file into mine.<name>: every row sampled for the column types. Also run
 * by the upload bench on native DuckDB, so both engines build the table the same way.
 */
export function createFromCsvSql(
  name: string,
  file: string,
  delimiter: string | null,
  retry: { textColumns?: string[]; maxLineBytes?: number } = {},
): string {
  const text = retry.textColumns ?? [];
  const options = [
    'header = true',
    'sample_size = -1',
    ...(delimiter ? [`delim = ${quoteLiteral(delimiter)}`] : []),
    ...(text.length ? [`types = {${text.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`] : []),
    ...(retry.maxLineBytes ? [`max_line_size = ${retry.maxLineBytes}`] : []),
  ];
  return `CREATE TABLE ${mineTable(name)} AS SELECT * FROM read_csv(${quoteLiteral(file)}, ${options.join(', ')})`;
}

/**
 * Reads a registered CSV file into mine.<name>. A column DuckDB typed from most of its values but
 * cannot convert in one row (two date spellings, a stray word) is read again as text, and a line over
 * DuckDB's 2 MB default again with a larger limit, as far as MAX_CSV_LINE_BYTES. Returns notes on what
 * was read as text.
 */
async function readCsv(engine: Engine, name: string, file: string, delimiter: string | null): Promise<string[]> {
  const textColumns: string[] = [];
  const notes: string[] = [];
  let maxLineBytes: number | undefined;
  for (;;) {
    try {
      await engine.run(createFromCsvSql(name, file, delimiter, { textColumns, maxLineBytes }));
      return notes;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const conversion = /Error when converting column "(.+?)"\. Could not convert string "(.*?)" to '(.+?)'/.exec(message);
      if (conversion && !textColumns.includes(conversion[1])) {
        const [, column, value, type] = conversion;
        const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
        textColumns.push(column);
        notes.push(
          `${column} was read as text: most of its values read as ${type}, but “${value.slice(0, 40)}”${line ? ` (line ${line})` : ''} does not, and no value was changed to make it fit.`,
        );
        continue;
      }
      const long = /Maximum line size of \d+ bytes exceeded\. Actual Size: ?(\d+)/.exec(message);
      const wanted = long ? Number(long[1]) + 1 : 0;
      if (long && wanted <= MAX_CSV_LINE_BYTES && wanted > (maxLineBytes ?? 0)) {
        maxLineBytes = Math.min(MAX_CSV_LINE_BYTES, Math.max(wanted, 2 * (maxLineBytes ?? 0)));
        continue;
      }
      throw csvError(message);
    }
  }
}

/**
 * DuckDB's CSV error in a sentence: its first line (the kind of error) and the line that says why
 * (a column that cannot be converted, a line too long), with the file line it names kept as `where.line`.
 */
export function csvError(message: string): UploadError {
  const lines = message.split('\n').map((l) => l.trim());
  const long = /Maximum line size of \d+ bytes exceeded\. Actual Size: ?(\d+)/.exec(message);
  if (long)
    // DuckDB's line number for this error counts wrongly (line 1 for any line), so none is given.
    return new UploadError(
      `a line is ${formatBytes(Number(long[1]))} long; lines up to ${formatBytes(MAX_CSV_LINE_BYTES)} can be read. Split the long field or load the file as Parquet.`,
    );
  const line = /\bCSV Error on Line:? (\d+)/i.exec(message);
  const first = lines.find((l) => l) ?? message;
  const why = lines.find((l) => l && l !== first && !/^(Original Line|Possible (fixes|solutions?)|\*|file =|LINE \d)/i.test(l) && !/^\w+ = /.test(l));
  return new UploadError(`DuckDB could not read it as CSV: ${first.replace(/:?\s*CSV Error on Line:? \d+/i, '')}${line ? ` on line ${line[1]}` : ''}${why ? `: ${why}` : ''}`, line ? { line: Number(line[1]) } : {});
}

export async function describeUserTable(engine: Engine, name: string): Promise<Pick<UserTableInfo, 'rows' | 'columns'>> {
  const cols = await engine.run(
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index`,
    [MINE, name],
  );
  const count = await engine.run(`SELECT count(*)::BIGINT AS n FROM ${mineTable(name)}`);
  return { rows: Number(count.rows[0].n), columns: cols.rows.map((r) => ({ name: String(r.name), type: String(r.type) })) };
}

export async function renameUserTable(engine: Engine, from: string, to: string): Promise<void> {
  await engine.run(`ALTER TABLE ${mineTable(from)} RENAME TO ${quoteIdent(to)}`);
}

export async function dropUserTable(engine: Engine, name: string): Promise<void> {
  await engine.run(`DROP TABLE IF EXISTS ${mineTable(name)}`);
}

/** The default benchmark id of a user table's rows: its own leaderboard. */
export const ownBenchmark = (name: string) => `mine:${name}`;

/**
 * Every spelling of a canonical model, lower-cased: its id, the name the site shows, and the aliases the releases use ("GPT-4o" is
 * gpt-4o). A spelling shared by two models maps to neither, so an upload is never linked to a guess.
 */
const SPELLINGS_SQL = `SELECT lower(model_id) AS spelling, model_id FROM main.models
    UNION ALL SELECT lower(display_name), model_id FROM main.models
    UNION ALL SELECT lower(alias), model_id FROM main.model_aliases`;
const MODEL_NAMES_SQL = `SELECT spelling, any_value(model_id) AS canonical_id FROM (${SPELLINGS_SQL}) GROUP BY spelling HAVING count(DISTINCT model_id) = 1`;

/**
 * Notes for an upload's model names that spell more than one canonical model (releases spell models
 * differently): they stay as typed, and the note says so and how to link them. Reads mine.results.
 */
export async function ambiguousModelNotes(engine: Engine, t: Pick<UserTableInfo, 'qualified'>): Promise<string[]> {
  const r = await engine.run(
    `SELECT y.model, string_agg(DISTINCT x.model_id, ', ' ORDER BY x.model_id) AS ids
     FROM ${MINE}.${RESULTS_VIEW} y JOIN (${SPELLINGS_SQL}) x ON x.spelling = lower(trim(y.model))
     WHERE y.upload = ? GROUP BY y.model HAVING count(DISTINCT x.model_id) > 1 ORDER BY y.model`,
    [t.qualified],
  );
  return r.rows.map(
    (row) => `“${String(row.model)}” spells more than one model here (${String(row.ids)}), so its rows stay under the name as typed: write one of those ids in the file to link them to that model.`,
  );
}

/**
 * One SELECT turning a mapped user table into main.results' columns. The model keeps the typed name;
 * model_id is the canonical id that name (any case) spells, else the name itself.
 */
/**
 * SQL for a mapped upload's columns: `col` names one, `text` reads it as text (NULL when unmapped),
 * `benchmark` is the benchmark column's text or the fixed benchmark. `prefix`: the table's alias.
 */
function mappedColumns(m: ResultsMapping, prefix = ''): { col: (c: string) => string; text: (c: string | null) => string; benchmark: string } {
  const col = (c: string) => `${prefix}${quoteIdent(c)}`;
  const text = (c: string | null) => (c ? `CAST(${col(c)} AS VARCHAR)` : 'NULL::VARCHAR');
  return { col, text, benchmark: 'column' in m.benchmark ? text(m.benchmark.column) : quoteLiteral(m.benchmark.fixed) };
}

/** Released benchmark ids, and each one's metric names, by their lower-case spelling (when only one spells it). */
const RELEASED_BENCHMARKS_SQL = `SELECT lower(benchmark) AS spelling, any_value(benchmark) AS benchmark FROM main.results GROUP BY 1 HAVING count(DISTINCT benchmark) = 1`;
const RELEASED_METRICS_SQL = `SELECT benchmark, lower(metric) AS spelling, any_value(metric) AS metric FROM main.results GROUP BY 1, 2 HAVING count(DISTINCT metric) = 1`;

/** Relations of the released spellings: the queries themselves, or their rows read once (releasedSpellings). */
export interface ReleasedSpellings {
  benchmarks: string;
  metrics: string;
}
const READ_SPELLINGS: ReleasedSpellings = { benchmarks: RELEASED_BENCHMARKS_SQL, metrics: RELEASED_METRICS_SQL };

/**
 * The released spellings as literal rows, read from main.results as loaded now: the views built with them
 * do not group main.results on every query (the caller rebuilds them once main.results is loaded).
 */
async function releasedSpellings(engine: Engine): Promise<ReleasedSpellings> {
  const rows = async (sql: string, columns: string[]) => {
    const r = await engine.run(sql);
    const typed = columns.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ');
    if (r.rows.length === 0) return `SELECT ${columns.map((c) => `NULL::VARCHAR AS ${c}`).join(', ')} WHERE false`;
    const values = r.rows.map((row) => `(${columns.map((c) => (row[c] === null ? 'NULL' : quoteLiteral(String(row[c])))).join(', ')})`);
    return `SELECT ${typed} FROM (VALUES ${values.join(', ')}) AS v(${columns.join(', ')})`;
  };
  return { benchmarks: await rows(RELEASED_BENCHMARKS_SQL, ['spelling', 'benchmark']), metrics: await rows(RELEASED_METRICS_SQL, ['benchmark', 'spelling', 'metric']) };
}

/**
 * `rows` (with benchmark and metric text columns) where a benchmark or metric that differs from a
 * released one only in case or surrounding spaces ("PersonaGym" / "Score") is spelled as released, so
 * the row lands on the released board instead of a board of its own.
 */
function asReleasedSpelling(rows: string, spellings = READ_SPELLINGS): string {
  return `SELECT y.* REPLACE (coalesce(rb.benchmark, y.benchmark) AS benchmark, coalesce(rm.metric, y.metric) AS metric) FROM (${rows}) AS y
  LEFT JOIN (${spellings.benchmarks}) AS rb ON rb.spelling = lower(trim(y.benchmark))
  LEFT JOIN (${spellings.metrics}) AS rm ON rm.benchmark = coalesce(rb.benchmark, y.benchmark) AND rm.spelling = lower(trim(y.metric))`;
}

/**
 * Notes for a mapped upload whose benchmark or metric was filed under a released spelling
 * (asReleasedSpelling): each typed spelling, the released one and the rows it covers ("rows 1–40").
 */
export async function releasedSpellingNotes(engine: Engine, t: Pick<UserTableInfo, 'name' | 'mapping'>): Promise<string[]> {
  const m = t.mapping;
  if (!m) return [];
  const { col, text, benchmark } = mappedColumns(m);
  const typed = `SELECT row_number() OVER () AS r, ${benchmark} AS benchmark, ${text(m.metric)} AS metric,
      ${benchmark} AS typed_benchmark, ${text(m.metric)} AS typed_metric, ${col(m.value)} AS v FROM ${mineTable(t.name)}`;
  const SHOWN_RUNS = 4;
  const r = await engine.run(
    `WITH filed AS (SELECT * FROM (${asReleasedSpelling(typed)}) WHERE v IS NOT NULL),
     changed AS (SELECT 'benchmark' AS field, NULL::VARCHAR AS bench, typed_benchmark AS typed, benchmark AS released, r FROM filed WHERE typed_benchmark <> benchmark
       UNION ALL SELECT 'metric', benchmark, typed_metric, metric, r FROM filed WHERE typed_metric <> metric),
     runs AS (SELECT field, bench, typed, released, min(r) AS first, max(r) AS last, count(*) AS n
       FROM (SELECT *, r - row_number() OVER (PARTITION BY field, bench, typed, released ORDER BY r) AS run FROM changed) GROUP BY field, bench, typed, released, run),
     ranked AS (SELECT *, row_number() OVER (PARTITION BY field, bench, typed, released ORDER BY first) AS k,
       sum(n) OVER (PARTITION BY field, bench, typed, released) AS total FROM runs)
     SELECT field, bench, typed, released, total, sum(n) AS shown,
       string_agg(CASE WHEN first = last THEN first::VARCHAR ELSE first::VARCHAR || '–' || last::VARCHAR END, ', ' ORDER BY first) AS runs
     FROM ranked WHERE k <= ${SHOWN_RUNS} GROUP BY ALL ORDER BY min(first), field`,
  );
  return r.rows.map((x) => {
    const total = Number(x.total);
    const more = total - Number(x.shown);
    const rows = `${total === 1 ? 'row' : 'rows'} ${String(x.runs)}${more > 0 ? ` and ${more} more` : ''}`;
    const of = x.bench === null ? '' : ` of ${String(x.bench)}`;
    return `${String(x.field)} “${String(x.typed)}”${of} is filed as the released “${String(x.released)}” (${rows}): the spellings differ only in case or surrounding spaces.`;
  });
}

function resultsSelect(t: Pick<UserTableInfo, 'name' | 'qualified' | 'mapping'>, spellings: ReleasedSpellings): string {
  return asReleasedSpelling(typedResultsSelect(t), spellings);
}

function typedResultsSelect(t: Pick<UserTableInfo, 'name' | 'qualified' | 'mapping'>): string {
  const m = t.mapping as ResultsMapping;
  // Columns qualified by the table's alias, so a user column named like the join's cannot be taken for it.
  const { col, text, benchmark } = mappedColumns(m, 'u.');
  return `SELECT ${benchmark} AS benchmark, ${text(m.model)} AS model, coalesce(names.canonical_id, ${text(m.model)}) AS model_id, ${text(m.metric)} AS metric,
  coalesce(${text(m.subset)}, '') AS subset, TRY_CAST(${col(m.value)} AS DOUBLE) AS value, ${text(m.unit)} AS unit,
  ${m.higherIsBetter ? `TRY_CAST(${col(m.higherIsBetter)} AS BOOLEAN)` : 'NULL::BOOLEAN'} AS higher_is_better,
  ${quoteLiteral(t.qualified)} AS source, ${quoteLiteral(t.qualified)} AS upload
FROM ${mineTable(t.name)} AS u LEFT JOIN (${MODEL_NAMES_SQL}) AS names ON names.spelling = lower(trim(${text(m.model)}))
WHERE ${col(m.value)} IS NOT NULL`;
}

const EMPTY_RESULTS = `SELECT NULL::VARCHAR AS benchmark, NULL::VARCHAR AS model, NULL::VARCHAR AS model_id, NULL::VARCHAR AS metric,
  NULL::VARCHAR AS subset, NULL::DOUBLE AS value, NULL::VARCHAR AS unit, NULL::BOOLEAN AS higher_is_better,
  NULL::VARCHAR AS source, NULL::VARCHAR AS upload WHERE false`;

/**
 * SQL (two statements) that (re)defines mine.results and main.results_all for these tables. One direction
 * per metric, so a board never ranks its rows two ways: the released metric's where it has released rows
 * (an upload's own column cannot turn it), else what the uploads state (validateMapping refuses uploads
 * that disagree), else higher-is-better, flagged as assumed (direction_assumed) so pages can say so.
 */
export function resultsViewsSql(tables: Pick<UserTableInfo, 'name' | 'qualified' | 'mapping'>[], spellings = READ_SPELLINGS): string[] {
  const mapped = tables.filter((t) => t.mapping);
  const mine = mapped.length ? mapped.map((t) => resultsSelect(t, spellings)).join('\nUNION ALL\n') : EMPTY_RESULTS;
  return [
    `CREATE OR REPLACE VIEW ${MINE}.${RESULTS_VIEW} AS ${mine}`,
    // A missing unit comes from the released rows of the same metric.
    `CREATE OR REPLACE VIEW main.results_all AS
SELECT benchmark, model, model_id, metric, subset, value, unit, higher_is_better, source, false AS is_mine, NULL::VARCHAR AS upload,
  false AS direction_assumed
FROM main.results
UNION ALL
SELECT y.benchmark, y.model, y.model_id, y.metric, y.subset, y.value, coalesce(y.unit, k.unit, ''),
  coalesce(k.higher_is_better, s.higher_is_better, true), y.source, true AS is_mine, y.upload,
  k.higher_is_better IS NULL AND s.higher_is_better IS NULL AS direction_assumed
FROM ${MINE}.${RESULTS_VIEW} y LEFT JOIN (${RELEASED_DIRECTION_SQL}) k ON k.benchmark = y.benchmark AND k.metric = y.metric
LEFT JOIN (
  SELECT benchmark, metric, bool_and(higher_is_better) AS higher_is_better
  FROM ${MINE}.${RESULTS_VIEW} WHERE higher_is_better IS NOT NULL GROUP BY benchmark, metric
) s ON s.benchmark = y.benchmark AND s.metric = y.metric`,
  ];
}

/** Each released metric's unit and direction (one per metric in the release). */
const RELEASED_DIRECTION_SQL = `SELECT benchmark, metric, any_value(unit) AS unit, bool_and(higher_is_better) AS higher_is_better
  FROM main.results GROUP BY benchmark, metric`;

/**
 * (Re)defines the two views for these tables, with the released spellings read now. main.results may
 * still be an empty placeholder (at boot): rebuild again once it is loaded (RESULTS_ALL_READS).
 */
export async function rebuildResultsViews(engine: Engine, tables: UserTableInfo[]): Promise<void> {
  await engine.run(`CREATE SCHEMA IF NOT EXISTS ${MINE}`);
  const spellings = tables.some((t) => t.mapping) ? await releasedSpellings(engine) : READ_SPELLINGS;
  for (const sql of resultsViewsSql(tables, spellings)) await engine.run(sql);
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
  await checkNoBlanks(engine, name, m);
  if (m.higherIsBetter) {
    const b = await engine.run(
      `SELECT count(*) AS n FROM ${mineTable(name)} WHERE ${quoteIdent(m.higherIsBetter)} IS NOT NULL AND TRY_CAST(${quoteIdent(m.higherIsBetter)} AS BOOLEAN) IS NULL`,
    );
    if (Number(b.rows[0].n) > 0) throw new UploadError(`column “${m.higherIsBetter}” must hold true/false values.`);
    await checkDirections(engine, name, m);
  }
}

/** Refuses result rows (a value given) whose model, metric or benchmark is empty: they would land on no board, or as a nameless model. */
async function checkNoBlanks(engine: Engine, name: string, m: ResultsMapping): Promise<void> {
  const { col, text, benchmark } = mappedColumns(m);
  const blank = (sql: string) => `coalesce(trim(${sql}), '') = ''`;
  const r = await engine.run(
    `SELECT row_number, concat_ws(', ', CASE WHEN model THEN 'model' END, CASE WHEN metric THEN 'metric' END, CASE WHEN benchmark THEN 'benchmark' END) AS empty,
       count(*) OVER () AS n
     FROM (SELECT row_number() OVER () AS row_number, ${blank(text(m.model))} AS model, ${blank(text(m.metric))} AS metric,
             ${blank(benchmark)} AS benchmark, ${col(m.value)} AS v FROM ${mineTable(name)})
     WHERE v IS NOT NULL AND (model OR metric OR benchmark) ORDER BY row_number LIMIT 5`,
  );
  if (!r.rows.length) return;
  const n = Number(r.rows[0].n);
  const listed = r.rows.map((x) => `${Number(x.row_number)} (${String(x.empty)})`).join(', ');
  throw new UploadError(
    `${n === 1 ? 'row' : 'rows'} ${listed}${n > r.rows.length ? ` and ${n - r.rows.length} more` : ''} ${n === 1 ? 'has' : 'have'} a value but an empty cell where a result needs a model, a metric and a benchmark. Fill ${n === 1 ? 'it' : 'them'} in, or empty the value to leave ${n === 1 ? 'that row' : 'those rows'} out.`,
    { row: Number(r.rows[0].row_number) },
  );
}

const direction = (higher: unknown) => (higher ? 'higher is better' : 'lower is better');

/**
 * Refuses a file whose higher_is_better column would rank one leaderboard two ways: a row against the
 * released metric's direction, two rows of one metric that disagree, or a row against another upload's
 * stated direction for the same metric. Reads main.results as loaded (the caller loads it first).
 */
async function checkDirections(engine: Engine, name: string, m: ResultsMapping): Promise<void> {
  const { text, benchmark } = mappedColumns(m);
  const rows = `(SELECT row_number() OVER () AS row_number, ${benchmark} AS benchmark, ${text(m.metric)} AS metric,
      TRY_CAST(${quoteIdent(m.higherIsBetter!)} AS BOOLEAN) AS higher, ${quoteIdent(m.value)} AS v FROM ${mineTable(name)})`;
  const stated = `SELECT * FROM (${asReleasedSpelling(`SELECT * FROM ${rows}`)}) WHERE v IS NOT NULL AND higher IS NOT NULL`;
  const released = await engine.run(
    `SELECT y.row_number, y.benchmark, y.metric, y.higher, k.higher_is_better AS released FROM (${stated}) y
     JOIN (${RELEASED_DIRECTION_SQL}) k ON k.benchmark = y.benchmark AND k.metric = y.metric
     WHERE y.higher <> k.higher_is_better ORDER BY y.row_number LIMIT 1`,
  );
  const r = released.rows[0];
  if (r)
    throw new UploadError(
      `row ${Number(r.row_number)}, column “${m.higherIsBetter}”: ${direction(r.higher)}, but the released ${String(r.benchmark)} · ${String(r.metric)} is ranked ${direction(r.released)}. A leaderboard has one direction: fix the row or leave the column out (the released direction is then used).`,
      { row: Number(r.row_number) },
    );
  const split = await engine.run(
    `SELECT a.row_number AS a, b.row_number AS b, a.benchmark, a.metric, a.higher FROM (${stated}) a JOIN (${stated}) b
       ON a.benchmark IS NOT DISTINCT FROM b.benchmark AND a.metric IS NOT DISTINCT FROM b.metric AND a.higher AND NOT b.higher
     ORDER BY least(a.row_number, b.row_number), greatest(a.row_number, b.row_number) LIMIT 1`,
  );
  const d = split.rows[0];
  if (d) {
    const [first, second] = [Number(d.a), Number(d.b)].sort((x, y) => x - y);
    throw new UploadError(
      `rows ${first} and ${second}, column “${m.higherIsBetter}”: one says higher is better, the other lower is better, for ${String(d.benchmark)} · ${String(d.metric)}. A leaderboard has one direction: make them agree.`,
      { row: second },
    );
  }
  // Another upload already on the leaderboards (mine.results exists once the views were built).
  const hasView = await engine.run(`SELECT count(*) AS n FROM duckdb_views() WHERE schema_name = ? AND view_name = 'results'`, [MINE]);
  if (Number(hasView.rows[0].n) === 0) return;
  const other = await engine.run(
    `SELECT y.row_number, y.benchmark, y.metric, y.higher, o.upload FROM (${stated}) y
     JOIN (SELECT benchmark, metric, higher_is_better, min(upload) AS upload FROM ${MINE}.${RESULTS_VIEW}
           WHERE higher_is_better IS NOT NULL AND upload <> ? GROUP BY ALL) o
       ON o.benchmark = y.benchmark AND o.metric = y.metric AND o.higher_is_better <> y.higher
     ORDER BY y.row_number LIMIT 1`,
    [`${MINE}.${name}`],
  );
  const o = other.rows[0];
  if (o)
    throw new UploadError(
      `row ${Number(o.row_number)}, column “${m.higherIsBetter}”: ${direction(o.higher)}, but ${String(o.upload)} ranks ${String(o.benchmark)} · ${String(o.metric)} ${direction(!o.higher)}. A leaderboard has one direction: make them agree.`,
      { row: Number(o.row_number) },
    );
}
