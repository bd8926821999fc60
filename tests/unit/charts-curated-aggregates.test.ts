// PersonaBench releases no per-model answers, only the paper's aggregates: its model chart draws every
// Overall row of end_to_end_results as a point and says there are no intervals.
import { describe, expect, it } from 'vitest';
import { findCuratedChart } from '../../src/lib/charts/curated.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const entry = builtCatalog().benchmarks.find((b) => b.id === 'personabench' && b.tables.some((t) => t.name === 'end_to_end_results'));

describe.skipIf(!entry)('PersonaBench end-to-end chart', () => {
  it('draws the released aggregates and says they carry no intervals', async () => {
    const chart = findCuratedChart(entry!, 'end-to-end')!;
    const spec = await chart.build(sharedDb(), entry!);
    const { rows } = await sharedDb().query(
      "SELECT count(*)::INTEGER AS n FROM personabench.end_to_end_results WHERE question_category = 'Overall' AND value IS NOT NULL",
    );
    expect(spec.data).toHaveLength(Number(rows[0].n));
    expect(spec.uncertainty).toBe('aggregates only: no intervals');
    expect(spec.encoding.lo).toBeUndefined();
    expect(spec.subtitle).toMatch(/no intervals are drawn/);
  });
});
