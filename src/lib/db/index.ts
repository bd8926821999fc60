// Browser entry to the db layer: one lazily booted client shared by every view.
import { browserTableSource } from './browser-source.ts';
import { DbClient } from './client.ts';
import { browserUserData } from './user-data/browser.ts';
import type { UserData } from './user-data/service.ts';

export { DbClient, type DbStatus, type DbState, type QueryOptions } from './client.ts';
export { DbError, QueryCancelled } from './errors.ts';
export { asTableInfo, UserData, type AddOutcome } from './user-data/service.ts';
export { UploadError } from './user-data/upload-error.ts';
export { ACCEPT, FORMAT_LABEL } from './user-data/formats.ts';
export { formatBytes, MAX_UPLOAD_BYTES } from './user-data/limits.ts';
export { fetchUserUrl } from './user-data/open-url.ts';
export { guessMapping, ownBenchmark } from './user-data/user-tables.ts';
export { isAppTable } from './user-data/names.ts';
export { hasOutsideAccess, quoteIdent, quoteLiteral } from './sql-text.ts';

let client: DbClient | null = null;
let userData: UserData | null = null;

export function getDb(): DbClient {
  // The connector module (and its 30+ MB wasm) is only imported when DuckDB boots.
  if (!client) {
    client = new DbClient(async () => (await import('./browser-connector.ts')).createBrowserConnector(), browserTableSource());
    // The user's own tables (schema mine) are rebuilt from IndexedDB at every boot.
    userData = browserUserData(client);
  }
  return client;
}

/** The user's own tables (mine.*), their files kept in IndexedDB. */
export function getUserData(): UserData {
  getDb();
  return userData!;
}
