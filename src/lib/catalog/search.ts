// Pure catalog lookups (usable in Node tests and the browser alike).
import type { BenchmarkEntry, Catalog, TableInfo } from '../types.ts';

function haystack(b: BenchmarkEntry): string {
  return [
    b.id,
    b.short,
    b.title,
    b.authors.join(' '),
    b.venue,
    String(b.year),
    b.summary,
    b.license.spdx ?? '',
    ...b.tables.flatMap((t) => [t.name, t.title, t.description, ...t.columns.map((c) => `${c.name} ${c.description}`)]),
  ]
    .join(' \n ')
    .toLowerCase();
}

const cache = new WeakMap<BenchmarkEntry, string>();

/** Benchmarks matching every word of `text` (case-insensitive), in catalog order. */
export function searchBenchmarks(catalog: Catalog, text: string): BenchmarkEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return catalog.benchmarks;
  return catalog.benchmarks.filter((b) => {
    let h = cache.get(b);
    if (h === undefined) cache.set(b, (h = haystack(b)));
    return words.every((w) => h!.includes(w));
  });
}

export function findBenchmark(catalog: Catalog, id: string): BenchmarkEntry | undefined {
  return catalog.benchmarks.find((b) => b.id === id);
}

export function findTable(catalog: Catalog, qualified: string): TableInfo | undefined {
  return [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)].find((t) => t.qualified === qualified);
}
