// Runs a console statement so that any number of rows can be shown: a query's rows go into a
// temporary table inside DuckDB, the console counts them and fetches one page at a time; only the
// rows on screen ever become JS objects. Other statements (SHOW, SET, CREATE …) run as they are.
import type { DbClient } from '../db/client.ts';
import { DbError } from '../db/errors.ts';
import { quoteIdent } from '../db/sql-text.ts';
import type { CellValue, QueryResult, ResultColumn } from '../types.ts';
import { isPageableQuery, statementKind, withoutTrailingSemicolon } from './statement.ts';
import { placeScriptError } from './script-error-position.ts';

type Row = Record<string, CellValue>;
type Db = Pick<DbClient, 'query'>;

/** Where a query's rows are kept between pages (replaced by the next run). */
export const RESULT_TABLE = '__console_result';
const RESULT_REF = `temp.main.${RESULT_TABLE}`;

export interface ConsoleResult {
  columns: ResultColumn[];
  /** Rows in the whole result. */
  total: number;
  /** Milliseconds DuckDB took to run the statement (and count its rows). */
  elapsedMs: number;
  /** True when the rows stay in DuckDB and are fetched page by page. */
  paged: boolean;
  /** Rows offset … offset+limit-1. */
  page(offset: number, limit: number, signal?: AbortSignal): Promise<Row[]>;
  /** Every row (for downloads). */
  all(signal?: AbortSignal): Promise<QueryResult>;
  /** The distinct rows of these columns (at most 1,000). */
  distinct(columns: readonly string[], signal?: AbortSignal): Promise<Row[]>;
  /**
   * For a statement that returns no rows of its own (CREATE VIEW, SET, DROP …), what ran, e.g.
   * "CREATE TEMP VIEW": DuckDB answers those with an empty Count or Success column, not a result.
   */
  ran?: string;
}

/** Errors that come from reading the statement (not running it): the plain statement gives DuckDB's own text and position. */
function fromReading(e: unknown): boolean {
  return (
    e instanceof DbError &&
    (e.offset !== undefined || /^(Parser|Binder|Catalog) Error/.test(e.message) || e.message.includes(RESULT_TABLE))
  );
}

/** DuckDB's answer to a statement that has no rows to give: one empty Count or Success column. */
function noRowsOfItsOwn(result: QueryResult): boolean {
  return result.rows.length === 0 && result.columns.length === 1 && /^(Count|Success)$/.test(result.columns[0].name);
}

function inMemory(result: QueryResult, sql: string): ConsoleResult {
  return {
    ...(noRowsOfItsOwn(result) ? { ran: statementKind(sql) } : {}),
    columns: result.columns,
    total: result.rows.length,
    elapsedMs: result.elapsedMs,
    paged: false,
    page: async (offset, limit) => result.rows.slice(offset, offset + limit),
    all: async () => result,
    distinct: async (columns) => {
      const picked = result.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
      return [...new Map(picked.map((r) => [JSON.stringify(columns.map((c) => r[c])), r])).values()].slice(0, 1000);
    },
  };
}

export async function runConsoleQuery(db: Db, sql: string, signal?: AbortSignal): Promise<ConsoleResult> {
  // The last result's rows go first, so that SHOW TABLES or duckdb_tables() never list the console's
  // own table. Failing here (inside an aborted transaction) changes nothing: the statement says why.
  await db.query(`DROP TABLE IF EXISTS ${RESULT_REF}`, { signal }).catch(() => undefined);
  if (!isPageableQuery(sql)) {
    try {
      return inMemory(await db.query(sql, { signal }), sql);
    } catch (e) {
      throw e instanceof DbError ? placeScriptError(e, sql) : e;
    }
  }
  let created: QueryResult;
  try {
    created = await db.query(`CREATE OR REPLACE TEMP TABLE ${RESULT_TABLE} AS ${withoutTrailingSemicolon(sql)}`, { signal });
  } catch (e) {
    // Rerun as written so the message and position refer to the user's text, not the wrapper.
    if (!fromReading(e)) throw e;
    return inMemory(await db.query(sql, { signal }), sql);
  }
  const counted = await db.query(`SELECT count(*) AS n FROM ${RESULT_REF}`, { signal });
  const total = Number(counted.rows[0]?.n ?? 0);
  const head = await db.query(`SELECT * FROM ${RESULT_REF} LIMIT 0`, { signal });
  return {
    columns: head.columns,
    total,
    elapsedMs: created.elapsedMs + counted.elapsedMs,
    paged: true,
    async page(offset, limit, pageSignal) {
      const from = Math.max(0, Math.trunc(offset));
      const n = Math.max(0, Math.trunc(limit));
      return (await db.query(`SELECT * FROM ${RESULT_REF} LIMIT ${n} OFFSET ${from}`, { signal: pageSignal })).rows;
    },
    all: (allSignal) => db.query(`SELECT * FROM ${RESULT_REF}`, { signal: allSignal }),
    distinct: distinctReader(db, RESULT_REF),
  };
}

/** ConsoleResult.distinct for rows kept in DuckDB: the distinct rows of some columns of `ref` (at most 1,000). */
export function distinctReader(db: Db, ref: string): ConsoleResult['distinct'] {
  return async (columns, signal) =>
    (await db.query(`SELECT DISTINCT ${columns.map(quoteIdent).join(', ')} FROM ${ref} LIMIT 1000`, { signal })).rows;
}
