// A leaderboard chart's value axis leaves room beyond its lowest and highest value (and interval
// ends), so a two-model board does not put one dot on each end of the axis.
import { describe, expect, it } from 'vitest';
import { boardChartSpec, paddedValueDomain } from '../../src/lib/charts/board-chart.ts';
import type { RankedBoard } from '../../src/lib/explore/results-service.ts';

const key = { benchmark: 'apc', metric: 'Human', subset: 'EU, Alice' };
const row = (model: string, value: number, interval: { lo: number; hi: number } | null = null) =>
  ({ model, model_id: model, display_name: model, value, rank: 1, items: 1, unit: '', higher_is_better: true, is_mine: false, upload: null, interval: interval && { ...interval, tie_group: 'A' } }) as unknown as RankedBoard['rows'][number];

describe('a leaderboard chart’s value axis', () => {
  it('of two models (6.4 and 6.8) has room on both sides, ending on round values', () => {
    const spec = boardChartSpec(key, { rows: [row('a', 6.8), row('b', 6.4)], bootstrap: null });
    const [lo, hi] = spec.encoding.domain!;
    expect(lo).toBeLessThan(6.4);
    expect(hi).toBeGreaterThan(6.8);
    expect([lo, hi]).toEqual([6.35, 6.85]);
  });

  it('counts interval ends, stays at or above 0 for values that are, and leaves one value to the renderer', () => {
    const [lo, hi] = paddedValueDomain([0.5, 0.01, 0.98])!;
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.98);
    const spec = boardChartSpec(key, { rows: [row('a', 0.6, { lo: 0.4, hi: 0.9 }), row('b', 0.5, { lo: 0.3, hi: 0.7 })], bootstrap: null });
    expect(spec.encoding.domain![0]).toBeLessThan(0.3);
    expect(spec.encoding.domain![1]).toBeGreaterThan(0.9);
    expect(paddedValueDomain([-2, 3])![0]).toBeLessThan(-2);
    expect(paddedValueDomain([4.2])).toBeUndefined();
  });
});
