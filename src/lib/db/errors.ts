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

/**
 * duckdb-wasm (browser worker) reports errors as JSON, e.g.
 * {"exception_type":"Parser","exception_message":"syntax error at or near \"x\"\n\nLINE 3: ...","position":"47"};
 * the Node build gives the plain text. Returns the readable message and the 0-based offset when given.
 */
function unwrapEngineError(raw: string): { text: string; position?: number } {
  if (!raw.trimStart().startsWith('{')) return { text: raw };
  try {
    const e = JSON.parse(raw) as { exception_type?: unknown; exception_message?: unknown; position?: unknown };
    if (typeof e.exception_message !== 'string') return { text: raw };
    const kind = typeof e.exception_type === 'string' && e.exception_type ? `${e.exception_type} Error: ` : '';
    const position = e.position === undefined ? NaN : Number(e.position);
    return { text: kind + e.exception_message, position: Number.isInteger(position) ? position : undefined };
  } catch {
    return { text: raw };
  }
}

/** Builds a DbError from an engine error, locating the caret within `sql`. */
export function toDbError(err: unknown, sql: string): DbError {
  const { text: raw, position } = unwrapEngineError(err instanceof Error ? err.message : String(err));
  // duckdb-wasm sometimes repeats the LINE/caret block; keep the message once.
  const blocks = raw.split(/\n\n(?=LINE \d+:)/);
  const message = [...new Set(blocks.map((b) => b.trim()))].join('\n\n');
  // An exact offset (JSON errors) beats reading the caret line.
  if (position !== undefined && position >= 0 && position <= sql.length) {
    const before = sql.slice(0, position).split('\n');
    return new DbError(message, { line: before.length, column: before[before.length - 1].length + 1, offset: position });
  }
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
