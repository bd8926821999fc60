// The short citation a figure's source line carries ("Peng and Shang 2024, arXiv:2405.07726"), and
// the benchmarks a chart's rows come from, read from the catalog the page already loaded.
import { loadCatalog } from '../../catalog/index.ts';
import { findBenchmark } from '../../catalog/search.ts';
import type { BenchmarkEntry } from '../../types.ts';
import type { ChartSpec } from '../spec.ts';

/** Authors by surname (one, two, or the first "et al."), year, and the arXiv id or else the venue. */
export function shortCitation(b: Pick<BenchmarkEntry, 'authors' | 'year' | 'arxiv' | 'venue'>): string {
  const surnames = b.authors.map((name) => name.trim().split(/\s+/).pop() ?? name);
  const who = surnames.length > 2 ? `${surnames[0]} et al.` : surnames.join(' and ');
  const where = b.arxiv ? `arXiv:${b.arxiv}` : b.venue;
  return [who && `${who} ${b.year}`, where].filter(Boolean).join(', ');
}

/**
 * The catalog entries of the benchmarks the chart's rows come from. A catalog that cannot be read
 * costs the citation, not the export: `error` says why, for the caller's warning.
 */
export async function chartBenchmarks(spec: ChartSpec): Promise<{ entries: BenchmarkEntry[]; error?: string }> {
  try {
    const catalog = await loadCatalog();
    const ids = spec.source.benchmarkIds ?? [spec.source.benchmarkId];
    return { entries: ids.flatMap((id) => findBenchmark(catalog, id) ?? []) };
  } catch (error) {
    return { entries: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** The spec with its benchmarks' short citations in its source line (joined by "; " for a query's several). */
export function withCitation(spec: ChartSpec, entries: BenchmarkEntry[]): ChartSpec {
  if (!entries.length) return spec;
  return { ...spec, source: { ...spec.source, citation: entries.map(shortCitation).join('; ') } };
}
