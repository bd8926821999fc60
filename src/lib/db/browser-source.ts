// Fetches catalog.json and table files from the site's own origin (under Vite's base path).
import type { TableSource } from './client.ts';
import { gunzipInBrowser } from './gunzip.ts';
import { loadCatalog } from '../catalog/index.ts';

export function browserTableSource(dataRoot = `${import.meta.env.BASE_URL}data/`): TableSource {
  return {
    catalog: loadCatalog,
    async tableBytes(file) {
      const res = await fetch(dataRoot + file);
      if (!res.ok) throw new Error(`Could not fetch table file ${file}: HTTP ${res.status}`);
      return gunzipInBrowser(new Uint8Array(await res.arrayBuffer()));
    },
  };
}
