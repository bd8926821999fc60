// Reads just enough of a console statement to know whether its rows can be paged through a
// temporary table (CREATE TEMP TABLE … AS <query>): one statement that is a query and only reads.
import { lexSql, sqlStatements } from './sql-lexer.ts';
import { onlyReads } from './statement-effects.ts';

/** The SQL without comments, string literals and quoted identifiers (each replaced by a space), for scanning. */
export function blankOutLiterals(sql: string): string {
  let out = '';
  let at = 0;
  for (const t of lexSql(sql)) {
    if (t.kind !== 'string' && t.kind !== 'ident' && t.kind !== 'comment') continue;
    out += sql.slice(at, t.start) + ' '.repeat(t.end - t.start);
    at = t.end;
  }
  return out + sql.slice(at);
}

/** Number of statements in the text (semicolons outside literals and comments split them). */
export function statementCount(sql: string): number {
  return sqlStatements(sql).length;
}

// Statements DuckDB accepts as the body of CREATE TABLE … AS. SHOW, DESCRIBE, SUMMARIZE, PRAGMA, SET,
// DDL and DML run as they are.
const QUERY_START = /^\s*(?:\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b)/i;

/** True when the text is exactly one query statement (its rows can be counted and paged). */
export function isPageableQuery(sql: string): boolean {
  const scan = blankOutLiterals(sql);
  return statementCount(sql) === 1 && QUERY_START.test(scan) && onlyReads(sql);
}

/** The statement without a trailing semicolon (and trailing comments), ready to be wrapped. */
export function withoutTrailingSemicolon(sql: string): string {
  const scan = blankOutLiterals(sql);
  const at = scan.lastIndexOf(';');
  if (at >= 0 && scan.slice(at + 1).trim() === '') return sql.slice(0, at);
  return sql;
}

// Words that, after a statement's first word, still say what kind of statement it is
// (CREATE OR REPLACE TEMP VIEW, DROP TABLE IF EXISTS, SET VARIABLE); the first other token ends it.
const KIND_WORDS = new Set(
  'or replace temp temporary view table schema macro function sequence index unique type if not exists transaction database variable global session local persistent secret'.split(' '),
);

/** What the last statement of the text is, by its leading keywords in capitals ("CREATE TEMP VIEW", "SET"); '' for none. */
export function statementKind(sql: string): string {
  const tokens = sqlStatements(sql).at(-1)?.tokens ?? [];
  const words: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word' || (words.length > 0 && !KIND_WORDS.has(t.text))) break;
    words.push(t.text.toUpperCase());
  }
  return words.join(' ');
}
