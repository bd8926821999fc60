// catalog.json: fetched once, searched in memory. Rendering the catalog never waits for DuckDB.
import type { BenchmarkEntry, Catalog, Provenance, TableInfo } from '../types.ts';

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

const provenance = new Map<string, Promise<Provenance>>();

/** A benchmark's release files and per-table source lists (fetched on demand, cached). */
export function loadProvenance(entry: BenchmarkEntry): Promise<Provenance> {
  let p = provenance.get(entry.id);
  if (!p) {
    p = fetch(`${import.meta.env.BASE_URL}data/${entry.provenanceFile}`).then(async (res) => {
      if (!res.ok) throw new Error(`Could not load the file list of ${entry.short} (${entry.provenanceFile}): HTTP ${res.status}`);
      return (await res.json()) as Provenance;
    });
    provenance.set(entry.id, p);
    p.catch(() => provenance.delete(entry.id));
  }
  return p;
}

export { searchBenchmarks, findTable, findBenchmark } from './search.ts';
export type { BenchmarkEntry, Catalog, Provenance, TableInfo };
