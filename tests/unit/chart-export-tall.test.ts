// A chart exported at "fit" height that comes out taller than a page says so, with what to do; a
// height the author chose, or a figure that fits, says nothing.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { preset } from '../../src/lib/charts/export/preset.ts';
import { paperHeightIn, renderForPaper } from '../../src/lib/charts/export/svg.ts';
import { tallWarning, TALLEST_FIGURE_IN } from '../../src/lib/charts/export/tall-figure.ts';
import { routeLinkParts } from '../../src/lib/route-link-parts.ts';

const doc = new JSDOM('<!doctype html><body></body>').window.document;
const facets = chartFixtures().find((s) => s.view === 'facets')!;
// Thirty small multiples of the fixture's bars.
const many = { ...facets, data: Array.from({ length: 30 }, (_, i) => facets.data.map((d) => ({ ...d, model: `Model ${i + 1}` }))).flat() };

describe('a figure taller than a page', () => {
  it('is pointed out at fit height, with a wider column offered when there is one', () => {
    const single = preset('single', null, 8);
    const tall = paperHeightIn(renderForPaper(many, single, doc));
    expect(tall).toBeGreaterThan(TALLEST_FIGURE_IN);
    expect(tallWarning(single, tall, many)).toMatch(/^At this width the chart fits in [\d.]+ in, taller than a page's text block \(about 9 in\): choose Double column, or show fewer panels or categories \(filter the rows\)\.$/);
    expect(tallWarning(preset('double', null, 8), tall, many)).not.toContain('Double column');
  });

  it('says nothing for a chosen height or a figure that fits', () => {
    expect(tallWarning(preset('single', 12, 8), 12, many)).toBeUndefined();
    const fits = paperHeightIn(renderForPaper(facets, preset('single', null, 8), doc));
    expect(fits).toBeLessThan(TALLEST_FIGURE_IN);
    expect(tallWarning(preset('single', null, 8), fits, facets)).toBeUndefined();
  });
});

describe('a curated chart taller than a page', () => {
  // The PersonaMem chart as drawn on its page: one panel per model, its rows fixed (no filters).
  const personamem = { ...many, view: 'accuracy-by-sessions', source: { ...many.source, benchmark: 'PersonaMem', benchmarkId: 'personamem', table: 'personamem.accuracy_by_sessions' } };

  it('offers what such a chart allows: a wider column, a fixed height, or its table in the table browser', () => {
    const single = preset('single', null, 8);
    const tall = paperHeightIn(renderForPaper(personamem, single, doc));
    const warning = tallWarning(single, tall, personamem)!;
    expect(warning).toMatch(/^At this width the chart fits in [\d.]+ in, taller than a page's text block \(about 9 in\): choose Double column, or set a height of at most 9 in \(Height, in\)\./);
    // Not the builder's advice: a curated chart has no rows to filter.
    expect(warning).not.toContain('(filter the rows)');
    expect(warning).toMatch(/open its table in the table browser, filter the rows and chart them there: #\/b\/personamem\/accuracy_by_sessions$/);
    expect(tallWarning(preset('double', null, 8), tall, personamem)).toMatch(/\(about 9 in\): set a height of at most 9 in/);
    // Shown on the page, the table's route is a link.
    expect(routeLinkParts(warning).filter((p) => p.href)).toEqual([{ text: '#/b/personamem/accuracy_by_sessions', href: '#/b/personamem/accuracy_by_sessions' }]);
  });

  it('links only the routes in a message, not the full stop after one', () => {
    expect(routeLinkParts('Open #/b/x/t. Or #/sql?sql=1, then go.')).toEqual([
      { text: 'Open ' },
      { text: '#/b/x/t', href: '#/b/x/t' },
      { text: '. Or ' },
      { text: '#/sql?sql=1', href: '#/sql?sql=1' },
      { text: ', then go.' },
    ]);
    expect(routeLinkParts('Saved a.pdf.')).toEqual([{ text: 'Saved a.pdf.' }]);
    expect(routeLinkParts('')).toEqual([]);
  });
});
