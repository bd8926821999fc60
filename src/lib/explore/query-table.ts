// A console query opened in the table browser or the chart builder: checked to be one query (no other
// statement may ride along in a shared link), then described — its columns and row count — as a
// TableInfo whose rows are read from the query itself (`relation`), so every browser query wraps it.
import type { DbClient } from '../db/client.ts';
import { hasOutsideAccess, sqlNames } from '../db/sql-text.ts';
import { isPageableQuery, withoutTrailingSemicolon } from '../console/statement.ts';
import type { TableInfo } from '../types.ts';
import { queryRelation } from './table-query.ts';

export type QueryCheck =
  | { ok: true; /** The query without its final semicolon, ready to be wrapped. */ sql: string; /** URLs outside the site it would read. */ outside: string[] }
  | { ok: false; problem: string };

/** Whether `sql` can be opened as a relation: exactly one query (SELECT, WITH, FROM, VALUES …), nothing else. */
export function checkQuery(sql: string): QueryCheck {
  if (!sql.trim()) return { ok: false, problem: 'The link holds no query.' };
  if (!isPageableQuery(sql))
    return { ok: false, problem: 'Only a single query (SELECT, WITH, FROM, VALUES …) can be opened here; run other statements in the SQL console.' };
  return { ok: true, sql: withoutTrailingSemicolon(sql), outside: hasOutsideAccess(sql) };
}

/** Whether the query reads the visitor's own tables (schema mine), which exist only in their browser. */
export function readsOwnTables(sql: string): boolean {
  return [...sqlNames(sql).qualified].some((name) => name.startsWith('mine.'));
}

/** The query as a table for the browser and the builder: its columns (from a zero-row run) and its row count. */
export async function queryTable(db: Pick<DbClient, 'query'>, sql: string, signal?: AbortSignal): Promise<TableInfo> {
  const inner = `(\n${sql}\n) AS q`;
  const head = await db.query(`SELECT * FROM ${inner} LIMIT 0`, { signal });
  const counted = await db.query(`SELECT count(*)::INTEGER AS n FROM ${inner}`, { signal });
  const relation = queryRelation(sql, head.columns);
  return {
    name: 'query',
    qualified: 'query',
    schema: '',
    title: 'Query result',
    description: sql,
    rows: Number(counted.rows[0]?.n ?? 0),
    // Cast columns (dates, lists …) arrive as text: their kind follows what the relation gives.
    columns: head.columns.map((c) => ({
      name: c.name,
      type: c.type,
      kind: c.kind === 'number' || c.kind === 'boolean' ? c.kind : 'string',
      description: '',
      unit: null,
    })),
    file: '',
    bytes: 0,
    sources: [],
    sourceCount: 0,
    relation,
  };
}
