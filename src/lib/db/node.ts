// Node entry to the db layer (CLI, tests, bench): the same client over DuckDB-WASM's blocking build.
import path from 'node:path';
import { DbClient } from './client.ts';
import { createNodeConnector } from './node-connector.ts';
import { nodeTableSource } from './node-source.ts';
import { prepareBytes } from './user-data/prepare.ts';
import { UserData } from './user-data/service.ts';
import { memoryStore, type UploadStore } from './user-data/store.ts';

export function createNodeDb(dataDir = path.resolve('public/data')): DbClient {
  return createNodeDbWithUserData(dataDir).db;
}

/** A client plus user tables kept in memory and parsed in-thread (main.results_all exists as in the browser). */
export function createNodeDbWithUserData(
  dataDir = path.resolve('public/data'),
  store: UploadStore = memoryStore(),
): { db: DbClient; userData: UserData } {
  const db = new DbClient(createNodeConnector, nodeTableSource(dataDir));
  const userData = new UserData(db, store, async (file, fileName, contentType) =>
    prepareBytes(new Uint8Array(await file.arrayBuffer()), fileName, contentType),
  );
  return { db, userData };
}
