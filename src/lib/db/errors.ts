// DuckDB errors carry the offending position as "LINE n: <excerpt>" followed by a caret line.
// DbError exposes it as line/column (1-based) and offset (0-based index into the SQL text).

export class DbError extends Error {
  line?: number;
  column?: number;
  offset?: number;
  constructor(message: string, pos?: { line: number; column: number; offset: number }) {
    super(message);
    this.name = 'DbError';
    if (pos) Object.assign(this, pos);
  }
}

export class QueryCancelled extends Error {
  constructor() {
    super('Query cancelled');
    this.name = 'QueryCancelled';
  }
}

/** Builds a DbError from an engine error, locating the caret within `sql`. */
export function toDbError(err: unknown, sql: string): DbError {
  const raw = err instanceof Error ? err.message : String(err);
  // duckdb-wasm sometimes repeats the LINE/caret block; keep the message once.
  const blocks = raw.split(/\n\n(?=LINE \d+:)/);
  const message = [...new Set(blocks.map((b) => b.trim()))].join('\n\n');
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!m) return new DbError(message);
  const line = Number(m[1]);
  const prefix = `LINE ${m[1]}: `.length;
  let excerpt = m[2];
  let caret = m[3].length - prefix;
  const lines = sql.split('\n');
  const text = lines[line - 1] ?? '';
  // Long lines are shown abbreviated ("...middle..."): find the excerpt in the real line.
  if (excerpt.startsWith('...')) {
    excerpt = excerpt.slice(3);
    caret -= 3;
  }
  excerpt = excerpt.replace(/\.\.\.$/, '');
  const start = Math.max(0, text.indexOf(excerpt));
  const column = Math.min(start + Math.max(0, caret), text.length) + 1;
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return new DbError(message, { line, column, offset });
}
