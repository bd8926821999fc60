// Reads catalog.json and table files from a built data folder (public/data or dist/data) in Node.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Catalog } from '../types.ts';
import type { TableSource } from './client.ts';
import { isGzip } from './gunzip.ts';

export function nodeTableSource(dataDir: string): TableSource {
  return {
    async catalog() {
      const file = path.join(dataDir, 'catalog.json');
      try {
        return JSON.parse(await fs.readFile(file, 'utf8')) as Catalog;
      } catch (e) {
        throw new Error(`cannot read ${file} (run \`npm run data\` first): ${(e as Error).message}`);
      }
    },
    async tableBytes(file) {
      const bytes = await fs.readFile(path.join(dataDir, file));
      return isGzip(bytes) ? zlib.gunzipSync(bytes) : bytes;
    },
  };
}
