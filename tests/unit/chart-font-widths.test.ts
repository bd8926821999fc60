// The glyph widths the renderer sizes labels by are DejaVu Sans's own, read from the TTFs the PDF
// export embeds (scripts/font-widths.ts): the committed table must match them.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontWidths, WIDTHS_FILE } from '../../scripts/font-widths.ts';
import { dejaVuEms, fitText, textWidth } from '../../src/lib/charts/text-width.ts';

describe('chart font widths', () => {
  it('match the embedded TTFs (regenerate with `npx tsx scripts/font-widths.ts`)', () => {
    expect(JSON.parse(fs.readFileSync(WIDTHS_FILE, 'utf8'))).toEqual(fontWidths());
  });

  it('measure a label by its glyphs: capitals and bold are wider, unknown characters count an em', () => {
    // DejaVu Sans: "i" is 569 units of 2048, "W" 2025.
    expect(dejaVuEms('i')).toBeCloseTo(569 / 2048, 6);
    expect(dejaVuEms('W')).toBeCloseTo(2025 / 2048, 6);
    expect(dejaVuEms('Gemma', true)).toBeGreaterThan(dejaVuEms('Gemma'));
    expect(dejaVuEms('三国')).toBe(2);
    // No canvas in Node: the width is DejaVu's.
    expect(textWidth('Gemma-7B', 10)).toBeCloseTo(dejaVuEms('Gemma-7B') * 10, 6);
  });

  it('cuts a label to the longest start that fits, with an ellipsis, and keeps one that fits whole', () => {
    expect(fitText('Gemma-7B', 100, 10)).toBe('Gemma-7B');
    const cut = fitText('a-much-longer-model-name', 60, 10);
    expect(cut).toMatch(/^a-much.*…$/);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
    expect(textWidth(`${cut.slice(0, -1)}${'a-much-longer-model-name'[cut.length - 1]}…`, 10)).toBeGreaterThan(60);
  });
});
