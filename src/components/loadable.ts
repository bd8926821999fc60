// The three states of anything a component fetches through the db client, and a readable error text.
import { DbError, QueryCancelled } from '../lib/db/index.ts';

export type Loadable<T> = { kind: 'loading' } | { kind: 'done'; value: T } | { kind: 'error'; message: string };

/** True when the error only means "the caller cancelled": nothing to show. */
export function isCancel(error: unknown): boolean {
  return error instanceof QueryCancelled || (error instanceof DOMException && error.name === 'AbortError');
}

/** The message of any error, with DuckDB's line/column when it carries them. */
export function errorText(error: unknown): string {
  if (error instanceof DbError && error.line !== undefined && error.column !== undefined) {
    return `${error.message} (line ${error.line}, column ${error.column})`;
  }
  return error instanceof Error ? error.message : String(error);
}
