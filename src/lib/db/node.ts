// Node entry to the db layer (CLI, tests, bench): the same client over DuckDB-WASM's blocking build.
import path from 'node:path';
import { DbClient } from './client.ts';
import { createNodeConnector } from './node-connector.ts';
import { nodeTableSource } from './node-source.ts';

export function createNodeDb(dataDir = path.resolve('public/data')): DbClient {
  return new DbClient(createNodeConnector, nodeTableSource(dataDir));
}
