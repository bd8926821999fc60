// A fixed export height never cuts the chart: too small is refused, naming the least that fits.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { preset } from '../../src/lib/charts/export/preset.ts';
import { renderForPaper } from '../../src/lib/charts/export/svg.ts';

const { window } = new JSDOM('<!doctype html><body></body>');
const doc = window.document;
const fixtures = new Map(chartFixtures().map((s) => [s.view, s]));

describe('fixed heights (7)', () => {
  it('refuses a height too small for the chart, naming the least that fits', () => {
    const spec = fixtures.get('dot')!;
    expect(() => renderForPaper(spec, preset('single', 1, 8), doc)).toThrow(/needs at least \d+(\.\d)? in/);
    const svg = renderForPaper(spec, preset('single', 6, 8), doc);
    const height = Number(svg.getAttribute('viewBox')!.split(' ')[3]);
    const source = svg.querySelector('[data-source-line]')!;
    expect(Number(source.getAttribute('y'))).toBeLessThanOrEqual(height);
  });
});
