// catalog.json: fetched once, searched in memory. Rendering the catalog never waits for DuckDB.
import type { BenchmarkEntry, Catalog, TableInfo } from '../types.ts';

let catalogPromise: Promise<Catalog> | null = null;

export function loadCatalog(): Promise<Catalog> {
  catalogPromise ??= fetch(`${import.meta.env.BASE_URL}data/catalog.json`).then(async (res) => {
    if (!res.ok) {
      catalogPromise = null;
      throw new Error(`Could not load the catalog (data/catalog.json): HTTP ${res.status}`);
    }
    return (await res.json()) as Catalog;
  });
  return catalogPromise;
}

export { searchBenchmarks, findTable, findBenchmark } from './search.ts';
export type { BenchmarkEntry, Catalog, TableInfo };
