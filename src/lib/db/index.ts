// Browser entry to the db layer: one lazily booted client shared by every view.
import { browserTableSource } from './browser-source.ts';
import { DbClient } from './client.ts';

export { DbClient, type DbStatus, type DbState, type QueryOptions } from './client.ts';
export { DbError, QueryCancelled } from './errors.ts';
export { hasOutsideAccess, quoteIdent, quoteLiteral } from './sql-text.ts';

let client: DbClient | null = null;

export function getDb(): DbClient {
  // The connector module (and its 30+ MB wasm) is only imported when DuckDB boots.
  client ??= new DbClient(async () => (await import('./browser-connector.ts')).createBrowserConnector(), browserTableSource());
  return client;
}
