// What typed SQL needs before it runs, the same in the SQL console and every SQL box: text at all,
// and the visitor's go-ahead when it would reach outside the site (a shared link may carry such SQL).
import { hasOutsideAccess } from '../db/sql-text.ts';

export type QueryGate = { kind: 'empty'; message: string } | { kind: 'confirm'; urls: string[] } | { kind: 'run' };

export function queryGate(sql: string): QueryGate {
  if (!sql.trim()) return { kind: 'empty', message: 'Type a query first, e.g. SELECT 42.' };
  const urls = hasOutsideAccess(sql);
  return urls.length > 0 ? { kind: 'confirm', urls } : { kind: 'run' };
}
