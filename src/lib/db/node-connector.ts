// DuckDB-WASM's Node blocking build: the same engine as the browser, for the CLI and unit tests.
// Never imported by the browser bundle.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as arrow from 'apache-arrow';
import type { Connector } from './connector.ts';

const require = createRequire(import.meta.url);

export async function createNodeConnector(): Promise<Connector> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  return {
    async query(sql, params): Promise<arrow.Table> {
      if (params?.length) {
        const stmt = conn.prepare(sql);
        try {
          return stmt.query(...params);
        } finally {
          stmt.close();
        }
      }
      return conn.query(sql);
    },
    async insertArrowIPC(schema, table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { schema, name: table, create: true });
    },
    async registerFileBuffer(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    // The blocking build runs on the calling thread: nothing can interrupt it.
    cancel: async () => false,
  };
}
