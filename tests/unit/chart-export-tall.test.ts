// A chart exported at "fit" height that comes out taller than a page says so, with what to do; a
// height the author chose, or a figure that fits, says nothing.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { preset } from '../../src/lib/charts/export/preset.ts';
import { paperHeightIn, renderForPaper } from '../../src/lib/charts/export/svg.ts';
import { tallWarning, TALLEST_FIGURE_IN } from '../../src/lib/charts/export/tall-figure.ts';

const doc = new JSDOM('<!doctype html><body></body>').window.document;
const facets = chartFixtures().find((s) => s.view === 'facets')!;
// Thirty small multiples of the fixture's bars.
const many = { ...facets, data: Array.from({ length: 30 }, (_, i) => facets.data.map((d) => ({ ...d, model: `Model ${i + 1}` }))).flat() };

describe('a figure taller than a page', () => {
  it('is pointed out at fit height, with a wider column offered when there is one', () => {
    const single = preset('single', null, 8);
    const tall = paperHeightIn(renderForPaper(many, single, doc));
    expect(tall).toBeGreaterThan(TALLEST_FIGURE_IN);
    expect(tallWarning(single, tall)).toMatch(/^At this width the chart fits in [\d.]+ in, taller than a page's text block \(about 9 in\): choose Double column, or show fewer panels/);
    expect(tallWarning(preset('double', null, 8), tall)).not.toContain('Double column');
  });

  it('says nothing for a chosen height or a figure that fits', () => {
    expect(tallWarning(preset('single', 12, 8), 12)).toBeUndefined();
    const fits = paperHeightIn(renderForPaper(facets, preset('single', null, 8), doc));
    expect(fits).toBeLessThan(TALLEST_FIGURE_IN);
    expect(tallWarning(preset('single', null, 8), fits)).toBeUndefined();
  });
});
