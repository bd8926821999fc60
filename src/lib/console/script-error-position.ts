// DuckDB (1.x, also in WASM) misplaces errors in the second and later statements of a script: the
// position it gives is the true one plus the offset where that statement starts, and its "LINE n:"
// caret is off by as much. For `SELECT 1;\n\nSELECT x,\n  nosuchcol FROM t` it marks "FROM".
import { DbError } from '../db/errors.ts';
import { blankOutLiterals } from './statement.ts';

/** Where each statement of the script starts (0, then after each semicolon outside literals and comments). */
function statementStarts(sql: string): number[] {
  const starts = [0];
  const scan = blankOutLiterals(sql);
  for (let i = 0; i < scan.length; i++) if (scan[i] === ';' && scan.slice(i + 1).trim() !== '') starts.push(i + 1);
  return starts;
}

/**
 * The error with its position moved back into the statement that failed, when the script has several
 * statements and the reported position is one DuckDB shifted; any other error as it is. The shifted
 * "LINE n:" excerpt is dropped from the message, since it marks the wrong place.
 */
export function placeScriptError(error: DbError, sql: string): DbError {
  if (error.offset === undefined) return error;
  const starts = statementStarts(sql);
  const at = error.offset;
  for (let k = starts.length - 1; k >= 1; k--) {
    const end = starts[k + 1] ?? sql.length + 1;
    const real = at - starts[k];
    if (real < starts[k] || real >= end) continue;
    const before = sql.slice(0, real).split('\n');
    const message = error.message.replace(/\n\nLINE \d+:[^\n]*\n *\^/g, '');
    return new DbError(message, { line: before.length, column: before[before.length - 1].length + 1, offset: real });
  }
  return error;
}
