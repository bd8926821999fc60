// Splits DuckDB SQL into tokens and statements the way DuckDB's own scanner does, for the checks that
// run before a console script: string literals ('…', E'…' with backslash escapes, $tag$…$tag$),
// quoted identifiers ("…") and comments (--, nested /* */) are recognised so that a semicolon or a
// keyword inside them is never read as code, and none hidden by a lookalike quote goes unseen.

export type SqlTokenKind = 'word' | 'ident' | 'string' | 'comment' | 'other';

export interface SqlToken {
  kind: SqlTokenKind;
  /** word: lower-cased; ident and string: the unquoted value; comment: ''; other: the character(s). */
  text: string;
  start: number;
  end: number;
}

export interface SqlStatement {
  /** The statement's tokens, comments left out. */
  tokens: SqlToken[];
  /** Where its first token starts and its last one ends in the script. */
  start: number;
  end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_CONT = /[A-Za-z0-9_$\u0080-\uffff]/;

/** End of a quoted run starting at `from` (just after the opening quote); a doubled quote stays inside. Unclosed: the end of the text. */
function closeQuote(sql: string, from: number, quote: string, backslash: boolean): number {
  for (let i = from; i < sql.length; i++) {
    if (backslash && sql[i] === '\\') i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return sql.length;
}

function unquote(body: string, quote: string): string {
  return body.replaceAll(quote + quote, quote);
}

/** Every token of the text, comments included (as kind 'comment'). */
export function lexSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const start = i;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl;
      tokens.push({ kind: 'comment', text: '', start, end: i });
    } else if (c === '/' && sql[i + 1] === '*') {
      // DuckDB's scanner nests block comments: /* a /* b */ still a comment */.
      let depth = 0;
      while (i < sql.length) {
        if (sql.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      tokens.push({ kind: 'comment', text: '', start, end: i });
    } else if (c === "'") {
      i = closeQuote(sql, i + 1, "'", false);
      tokens.push({ kind: 'string', text: unquote(sql.slice(start + 1, i - 1), "'"), start, end: i });
    } else if (c === '"') {
      i = closeQuote(sql, i + 1, '"', false);
      tokens.push({ kind: 'ident', text: unquote(sql.slice(start + 1, i - 1), '"'), start, end: i });
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i, i + 66))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66))![0];
      const close = sql.indexOf(tag, i + tag.length);
      i = close < 0 ? sql.length : close + tag.length;
      tokens.push({ kind: 'string', text: sql.slice(start + tag.length, close < 0 ? sql.length : close), start, end: i });
    } else if (WORD_START.test(c)) {
      while (i < sql.length && WORD_CONT.test(sql[i])) i++;
      const word = sql.slice(start, i);
      if (word.toLowerCase() === 'e' && sql[i] === "'") {
        // E'…': an escape string, where \' does not close it.
        i = closeQuote(sql, i + 1, "'", true);
        tokens.push({ kind: 'string', text: sql.slice(start + 2, i - 1), start, end: i });
      } else tokens.push({ kind: 'word', text: word.toLowerCase(), start, end: i });
    } else {
      i++;
      tokens.push({ kind: 'other', text: c, start, end: i });
    }
  }
  return tokens;
}

/** The statements of a script (split at semicolons outside literals and comments; empty ones dropped). */
export function sqlStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current: SqlToken[] = [];
  const flush = () => {
    if (current.length) statements.push({ tokens: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
  };
  for (const t of lexSql(sql)) {
    if (t.kind === 'comment') continue;
    if (t.kind === 'other' && t.text === ';') flush();
    else current.push(t);
  }
  flush();
  return statements;
}
