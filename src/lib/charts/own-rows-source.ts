// A chart's source line when some or all of its rows are the visitor's own (uploads, schema mine): they
// are named as theirs with no licence claimed, and a released benchmark is credited, licensed and cited
// for its released rows only.
import type { ChartSource } from './spec.ts';

/**
 * `released`: the source of the released rows (null: there are none); `own`: the visitor's tables the
 * other rows come from; `base`: the id and tables a source of the visitor's rows alone carries.
 */
export function withOwnRows(released: ChartSource | null, own: readonly string[], base: Pick<ChartSource, 'benchmarkId' | 'table'>): ChartSource {
  if (own.length === 0 && released) return released;
  const yours = own.length ? `your data (${[...own].sort().join(', ')})` : 'your data';
  if (!released) return { ...base, benchmark: yours, benchmarkIds: [], license: 'your data, none claimed' };
  // Several benchmarks' licences already name each its benchmark ("A: MIT; B: …").
  const one = (released.benchmarkIds ?? [released.benchmarkId]).length === 1;
  const licence = one ? `${released.license} for ${released.benchmark}’s rows` : released.license;
  return { ...released, benchmark: `${released.benchmark} and ${yours}`, license: `${licence}; none claimed for yours` };
}
