// A curated chart's permalink: one naming a chart the page does not have is told so.
import { describe, expect, it } from 'vitest';
import { missingChart } from '../../src/lib/charts/chart-anchor.ts';

describe('chart permalinks', () => {
  it('names a chart the page has none of, and only that', () => {
    expect(missingChart('nope', ['social-graph', 'accuracy-by-sessions'])).toBe('nope');
    expect(missingChart('social-graph', ['social-graph'])).toBeNull();
    expect(missingChart(null, ['social-graph'])).toBeNull();
    expect(missingChart('social-graph', [])).toBe('social-graph');
  });
});
