// Shared access to the built site data for unit tests (npm test runs `npm run data` first).
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/lib/types.ts';
import { createNodeDb } from '../../src/lib/db/node.ts';
import type { DbClient } from '../../src/lib/db/client.ts';

export const dataDir = path.resolve('public/data');

export function builtCatalog(): Catalog {
  const file = path.join(dataDir, 'catalog.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run data\` before the unit tests`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
}

let shared: DbClient | null = null;
/** One engine for all tests of a file: booting DuckDB-WASM takes a moment. */
export function sharedDb(): DbClient {
  shared ??= createNodeDb(dataDir);
  return shared;
}
