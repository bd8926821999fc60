// What each statement of a console script would do, read from its tokens before anything runs:
// whether it only reads, and whether it would change one of the site's released tables (or point the
// site's own queries, which share this DuckDB, somewhere else). DuckDB-WASM has no per-table or
// per-connection read-only mode for tables loaded into memory, so this check is what keeps a pasted
// or linked script from altering what other pages present as released. It errs towards refusing.
import type { Catalog } from '../types.ts';
import { MINE, RESULTS_VIEW } from '../db/user-data/names.ts';
import { sqlStatements, type SqlToken } from './sql-lexer.ts';

/** The site's released tables and schemas, lower-cased. */
export interface ReleasedNames {
  /** "schema.table" */
  tables: Set<string>;
  /**
   * Names of main's tables: a bare name reaches main (USE and search_path may only name main or mine),
   * a TEMP table of that name shadows it, and catalog.name (memory.results) means catalog.main.name.
   */
  mainNames: Set<string>;
  /** main, every benchmark schema, and mine (which holds the app's own view). */
  schemas: Set<string>;
}

/**
 * Views the app itself defines (user-data/user-tables.ts): main.results_all over released rows, and the
 * mine.results under it. Dropping or replacing either would break every leaderboard until a reload.
 */
const APP_VIEWS = ['main.results_all', `${MINE}.${RESULTS_VIEW}`];

export function releasedNames(catalog: Catalog): ReleasedNames {
  const qualified = [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)].map((t) => t.qualified.toLowerCase()).concat(APP_VIEWS);
  const split = qualified.map((q) => q.split('.') as [string, string]);
  return {
    tables: new Set(qualified),
    mainNames: new Set(split.filter(([s]) => s === 'main').map(([, n]) => n)),
    schemas: new Set([...split.map(([s]) => s), MINE]),
  };
}

export interface StatementEffect {
  /** The statement as written. */
  text: string;
  /** Position of statement in the script, from 1. */
  index: number;
  /** True for SELECT, WITH … SELECT, VALUES, TABLE, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN, reading PRAGMAs. */
  readOnly: boolean;
  /** Set when the statement must not run: what it would do, in words. */
  refusal?: string;
}

type Name = string[];

const READ_START = new Set(['select', 'from', 'values', 'table', 'pivot', 'unpivot', 'show', 'describe', 'desc', 'summarize']);
/** PRAGMAs that only report (the others change settings). */
const READ_PRAGMAS = new Set([
  'table_info', 'show_tables', 'show_tables_expanded', 'show_databases', 'database_list', 'database_size', 'storage_info',
  'version', 'platform', 'functions', 'collations', 'metadata_info', 'user_agent', 'show', 'table_storage_info',
]);
/** Catalogs that hold (or shadow) the released tables, and names the app itself attaches or creates. */
const RESERVED_CATALOGS = ['main', 'memory', 'temp', 'system', 'mine'];

const isWord = (t: SqlToken | undefined, ...words: string[]): boolean => t?.kind === 'word' && words.includes(t.text);
const isChar = (t: SqlToken | undefined, c: string): boolean => t?.kind === 'other' && t.text === c;

/** A dotted name starting at tokens[i]: its parts, lower-cased, and the index after it. */
function readName(tokens: SqlToken[], i: number): { name: Name; next: number } {
  const name: Name = [];
  while (tokens[i] && (tokens[i].kind === 'word' || tokens[i].kind === 'ident')) {
    name.push(tokens[i].text.toLowerCase());
    i++;
    if (!isChar(tokens[i], '.')) break;
    i++;
  }
  return { name, next: i };
}

/** Index after any of these words, in order where present (e.g. IF NOT EXISTS). */
function skipWords(tokens: SqlToken[], i: number, ...words: string[]): number {
  while (isWord(tokens[i], ...words)) i++;
  return i;
}

/** Index after a parenthesised group starting at tokens[i] (or i when there is none). */
function skipParens(tokens: SqlToken[], i: number): number {
  if (!isChar(tokens[i], '(')) return i;
  let depth = 0;
  for (; i < tokens.length; i++) {
    if (isChar(tokens[i], '(')) depth++;
    else if (isChar(tokens[i], ')') && --depth === 0) return i + 1;
  }
  return i;
}

/** The released table a written name reaches, if any (as schema.table). */
function releasedTable(name: Name, r: ReleasedNames): string | null {
  const [a, b, c] = name;
  if (name.length === 1) return r.mainNames.has(a) ? `main.${a}` : null;
  if (name.length === 2) {
    if (r.tables.has(`${a}.${b}`)) return `${a}.${b}`;
    return (a === 'memory' || a === 'temp') && r.mainNames.has(b) ? `main.${b}` : null;
  }
  return r.tables.has(`${b}.${c}`) ? `${b}.${c}` : null;
}

const releasedSchema = (name: Name, r: ReleasedNames): string | null => {
  const s = name[name.length - 1];
  return s !== undefined && r.schemas.has(s) ? s : null;
};

/**
 * Where USE and search_path may point: main (the default) or the visitor's own mine. Anywhere else
 * (another database, a benchmark schema) would change what the site's pages or bare names reach.
 */
const USABLE_SCHEMAS = new Set(['main', 'memory', 'memory.main', 'mine', 'memory.mine']);
const usableSchema = (entry: string): boolean => USABLE_SCHEMAS.has(entry.trim().toLowerCase().replace(/"/g, ''));

const TRANSACTION_REFUSAL =
  "Transactions are not run here: the site loads its tables on this same connection as pages ask for them, so a transaction left open would hold them and a ROLLBACK would empty them. Each statement runs on its own.";

function settingRefusal(what: string): string {
  return `${what} would change a setting of this database, which the site's own pages share (row order, NULL order, division, …), so it is not run here. Say it in the query instead (ORDER BY … ASC, CAST …); SET VARIABLE is fine.`;
}

const copyHint = (table: string) =>
  `To change rows, work on a copy: CREATE TEMP TABLE my_copy AS SELECT * FROM ${table}; then change my_copy (it lasts until the page is reloaded).`;

function changes(verb: string, table: string): string {
  return `${verb} would change ${table}, one of the site's released tables, which every page shows as released. ${copyHint(table)}`;
}

/** Why a statement (from `tokens[i]` on) may not run, and whether it only reads. */
function classify(tokens: SqlToken[], i: number, r: ReleasedNames): { readOnly: boolean; refusal?: string } {
  const head = tokens[i];
  if (!head) return { readOnly: true };
  if (isChar(head, '(')) return { readOnly: true };
  if (head.kind !== 'word') return { readOnly: false };
  const target = (verb: string, name: Name) => {
    const table = releasedTable(name, r);
    return { readOnly: false, refusal: table ? changes(verb, table) : undefined };
  };
  switch (head.text) {
    case 'with': {
      // WITH … INSERT/UPDATE/DELETE: the statement after the CTEs (at depth 0) decides.
      let depth = 0;
      for (let k = i + 1; k < tokens.length; k++) {
        if (isChar(tokens[k], '(')) depth++;
        else if (isChar(tokens[k], ')')) depth--;
        else if (depth === 0 && isWord(tokens[k], 'insert', 'update', 'delete', 'merge')) return classify(tokens, k, r);
      }
      return { readOnly: true };
    }
    case 'explain': {
      const k = skipParens(tokens, i + 1);
      // EXPLAIN ANALYZE runs the statement; plain EXPLAIN only plans it.
      return isWord(tokens[k], 'analyze', 'analyse') ? classify(tokens, k + 1, r) : { readOnly: true };
    }
    case 'pragma': {
      const name = tokens[i + 1]?.text ?? '';
      const reads = READ_PRAGMAS.has(name) && !tokens.some((t) => isChar(t, '='));
      return reads ? { readOnly: true } : { readOnly: false, refusal: settingRefusal(`PRAGMA ${name}`) };
    }
    case 'insert': {
      const k = skipWords(tokens, i + 1, 'or', 'replace', 'ignore', 'into');
      return target('INSERT', readName(tokens, k).name);
    }
    case 'update':
      return target('UPDATE', readName(tokens, i + 1).name);
    case 'delete':
      return target('DELETE', readName(tokens, skipWords(tokens, i + 1, 'from')).name);
    case 'truncate':
      return target('TRUNCATE', readName(tokens, skipWords(tokens, i + 1, 'table')).name);
    case 'merge':
      return target('MERGE', readName(tokens, skipWords(tokens, i + 1, 'into')).name);
    case 'comment': {
      // COMMENT ON TABLE t / COLUMN t.c IS …
      const kind = tokens[i + 2]?.text ?? '';
      const { name } = readName(tokens, i + 3);
      return target('COMMENT ON', kind === 'column' ? name.slice(0, -1) : name);
    }
    case 'copy': {
      if (isWord(tokens[i + 1], 'from') && isWord(tokens[i + 2], 'database')) {
        const to = tokens.findIndex((t, k) => k > i + 2 && isWord(t, 'to'));
        const db = readName(tokens, to + 1).name[0];
        return { readOnly: false, refusal: db && RESERVED_CATALOGS.includes(db) ? `COPY FROM DATABASE … TO ${db} would overwrite the site's tables.` : undefined };
      }
      const { name, next } = readName(tokens, i + 1);
      const k = skipParens(tokens, next);
      return isWord(tokens[k], 'from') ? target('COPY … FROM', name) : { readOnly: false };
    }
    case 'drop':
    case 'alter': {
      const kind = tokens[i + 1]?.text ?? '';
      const verb = `${head.text.toUpperCase()} ${kind.toUpperCase()}`;
      let k = skipWords(tokens, i + 2, 'if', 'exists');
      for (;;) {
        const { name, next } = readName(tokens, k);
        if (kind === 'schema') {
          const schema = releasedSchema(name, r);
          if (schema) return { readOnly: false, refusal: `${verb} would change the schema ${schema}, which holds the site's released tables. ${copyHint(`${schema}.<table>`)}` };
        } else if (kind === 'table' || kind === 'view') {
          const found = target(verb, name);
          if (found.refusal) return found;
        }
        if (head.text === 'alter' || !isChar(tokens[next], ',')) return { readOnly: false };
        k = next + 1;
      }
    }
    case 'create':
      return classifyCreate(tokens, i, r);
    case 'prepare': {
      const as = tokens.findIndex((t, k) => k > i && isWord(t, 'as'));
      return as < 0 ? { readOnly: false } : { ...classify(tokens, as + 1, r), readOnly: false };
    }
    case 'attach': {
      const as = tokens.findIndex((t, k) => k > i && isWord(t, 'as'));
      const path = tokens.find((t) => t.kind === 'string')?.text ?? '';
      const alias = as >= 0 ? (tokens[as + 1]?.text ?? '') : path.replace(/^.*[\\/]/, '').replace(/\..*$/, '');
      const clash = RESERVED_CATALOGS.includes(alias.toLowerCase()) || r.schemas.has(alias.toLowerCase());
      return {
        readOnly: false,
        refusal: clash ? `ATTACH as "${alias}" would hide the site's schema of that name from every page. Attach it under another name: ATTACH '${path}' AS other_name.` : undefined,
      };
    }
    case 'use': {
      const { name } = readName(tokens, i + 1);
      return {
        readOnly: false,
        refusal: usableSchema(name.join('.')) ? undefined : useRefusal(`USE ${name.join('.')}`),
      };
    }
    case 'set':
    case 'reset': {
      const k = skipWords(tokens, i + 1, 'session', 'local', 'global');
      // The visitor's own variables (getvariable) touch nothing the pages read.
      if (isWord(tokens[k], 'variable')) return { readOnly: false };
      if (head.text === 'set' && isWord(tokens[k], 'search_path', 'schema')) {
        const value = tokens.slice(k + 1).find((t) => t.kind === 'string' || t.kind === 'word' || t.kind === 'ident');
        const entries = (value?.text ?? '').split(',');
        return { readOnly: false, refusal: entries.every(usableSchema) ? undefined : useRefusal(`SET ${tokens[k].text}`) };
      }
      return { readOnly: false, refusal: settingRefusal(`${head.text.toUpperCase()} ${tokens[k]?.text ?? ''}`.trim()) };
    }
    case 'begin':
    case 'start':
    case 'commit':
    case 'end':
    case 'rollback':
    case 'abort':
      return { readOnly: false, refusal: TRANSACTION_REFUSAL };
    default:
      return { readOnly: READ_START.has(head.text) };
  }
}

function useRefusal(what: string): string {
  return `${what} would point the site's own pages, which share this database, or its bare table names somewhere other than main or mine. Name tables in full instead (personagym.questions, other_db.main.some_table).`;
}

function classifyCreate(tokens: SqlToken[], i: number, r: ReleasedNames): { readOnly: boolean; refusal?: string } {
  let k = skipWords(tokens, i + 1, 'or', 'replace', 'temp', 'temporary', 'persistent', 'unique');
  const kind = tokens[k]?.text ?? '';
  k = skipWords(tokens, k + 1, 'if', 'not', 'exists');
  if (kind === 'macro' || kind === 'function' || kind === 'type') {
    return {
      readOnly: false,
      refusal: `CREATE ${kind.toUpperCase()} is not run here: the site's pages share this database, and a ${kind} named like a built-in (avg, round, VARCHAR …) would change what they show. Write the expression in the query (a CTE can hold it).`,
    };
  }
  const { name, next } = readName(tokens, k);
  if (kind === 'schema') {
    const schema = releasedSchema(name, r);
    return { readOnly: false, refusal: schema ? `CREATE SCHEMA ${schema} would replace the schema that holds the site's released tables. Use another name.` : undefined };
  }
  if (kind === 'index') {
    const on = tokens.findIndex((t, j) => j >= next && isWord(t, 'on'));
    const table = on >= 0 ? releasedTable(readName(tokens, on + 1).name, r) : null;
    return { readOnly: false, refusal: table ? changes('CREATE INDEX', table) : undefined };
  }
  const table = releasedTable(name, r);
  if (!table) return { readOnly: false };
  return {
    readOnly: false,
    refusal: `CREATE ${kind.toUpperCase()} ${name.join('.')} would replace or hide ${table}, one of the site's released tables. Give it another name, e.g. CREATE TEMP TABLE my_copy AS SELECT * FROM ${table}.`,
  };
}

/** Each statement of the script with what it would do. */
export function statementEffects(sql: string, released: ReleasedNames): StatementEffect[] {
  return sqlStatements(sql).map((s, n) => ({ text: sql.slice(s.start, s.end), index: n + 1, ...classify(s.tokens, 0, released) }));
}

const NO_NAMES: ReleasedNames = { tables: new Set(), mainNames: new Set(), schemas: new Set() };

/** True when every statement of the script only reads (WITH … UPDATE does not). */
export function onlyReads(sql: string): boolean {
  return statementEffects(sql, NO_NAMES).every((e) => e.readOnly);
}
