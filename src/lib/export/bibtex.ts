// Citations for rows that come from several benchmarks: each benchmark's BibTeX once, in the given order.
import type { BenchmarkEntry, Catalog } from '../types.ts';

/** Benchmarks owning the given catalog tables ("schema.table"), plus those named by id; each once, catalog order. */
export function benchmarksOf(catalog: Catalog, tables: string[], ids: string[] = []): BenchmarkEntry[] {
  const wanted = new Set(tables);
  const named = new Set(ids);
  return catalog.benchmarks.filter((b) => named.has(b.id) || b.tables.some((t) => wanted.has(t.qualified)));
}

/** The BibTeX entries joined by blank lines; an entry repeated (same key) is kept once. */
export function combinedBibtex(entries: Pick<BenchmarkEntry, 'bibtex'>[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of entries) {
    const text = e.bibtex.trim();
    if (!text) continue;
    const key = /@\w+\s*\{\s*([^,\s]+)/.exec(text)?.[1] ?? text;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out.length ? `${out.join('\n\n')}\n` : '';
}
