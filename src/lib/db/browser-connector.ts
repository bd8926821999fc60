// DuckDB-WASM in a Web Worker, self-hosted through Vite (?url): no CDN, no extension downloads.
// Only the "eh" (wasm exceptions) bundle ships: every current browser supports it, and it keeps dist small.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import * as arrow from 'apache-arrow';
import type { Connector } from './connector.ts';

export async function createBrowserConnector(): Promise<Connector> {
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  await db.instantiate(ehWasm);
  const conn = await db.connect();

  return {
    async query(sql, params) {
      if (params?.length) {
        const stmt = await conn.prepare(sql);
        try {
          return await stmt.query(...params);
        } finally {
          await stmt.close();
        }
      }
      // send() polls a pending query, so cancelSent() can interrupt it; query() could not be stopped.
      const reader = await conn.send(sql, true);
      const batches: arrow.RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return batches.length ? new arrow.Table(batches) : new arrow.Table(reader.schema);
    },
    async insertArrowIPC(schema, table, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { schema, name: table, create: true });
    },
    // The buffer is transferred to DuckDB's worker: callers pass a copy if they keep the bytes.
    registerFileBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
    async dropFile(name) {
      await db.dropFile(name);
    },
    cancel: () => conn.cancelSent(),
  };
}
