// What typed SQL needs before it runs, the same in the SQL console and every SQL box: text at all; no
// statement that would change the site's released tables (refused, whoever wrote it); and the
// visitor's go-ahead when it would reach outside the site, or — for SQL that came in a link — when
// it would do more than read (a shared link runs as soon as it opens).
import { hasOutsideAccess } from '../db/sql-text.ts';
import { statementEffects, type ReleasedNames } from './statement-effects.ts';

export type QueryGate =
  | { kind: 'empty'; message: string }
  | { kind: 'refuse'; message: string }
  /** urls: outside addresses it would contact; changes: the statements (from a link) that do more than read. */
  | { kind: 'confirm'; urls: string[]; changes: string[] }
  | { kind: 'run' };

/** A statement as quoted in a message: on one line, cut at 160 characters. */
export function quoteStatement(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

export function queryGate(sql: string, released: ReleasedNames, fromLink = false): QueryGate {
  if (!sql.trim()) return { kind: 'empty', message: 'Type a query first, e.g. SELECT 42.' };
  const effects = statementEffects(sql, released);
  const refused = effects.filter((e) => e.refusal);
  if (refused.length > 0) {
    const where = (n: number) => (effects.length > 1 ? `Statement ${n} of ${effects.length}` : 'The statement');
    const lines = refused.map((e) => `${where(e.index)}, ${quoteStatement(e.text)}: ${e.refusal}`);
    return { kind: 'refuse', message: `Nothing was run. ${lines.join('\n')}` };
  }
  const urls = hasOutsideAccess(sql);
  const changes = fromLink ? effects.filter((e) => !e.readOnly).map((e) => quoteStatement(e.text)) : [];
  return urls.length > 0 || changes.length > 0 ? { kind: 'confirm', urls, changes } : { kind: 'run' };
}
