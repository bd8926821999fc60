// LaTeX exports take every character the released tables' names, metrics, units and claims use
// (pdflatex's UTF-8 input knows Latin-1 and a few dashes and quotes, not ≥ or Greek), and export
// file names keep a filter's minus sign.
import { describe, expect, it } from 'vitest';
import { latexEscape } from '../../src/lib/charts/export/latex.ts';
import { chartFileName } from '../../src/lib/charts/export/file-name.ts';
import { chartFixtures } from '../../src/lib/charts/fixtures.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

/** What LaTeX's UTF-8 input sets up for text without extra packages: Latin-1 and these. */
const TEXT_OK = /^[\x20-\x7e\u00a0-\u00ff–—‘’“”…]*$/u;

describe('LaTeX escaping', () => {
  it('leaves no character of the released text that pdflatex cannot set', async () => {
    const db = sharedDb();
    const texts: string[] = [];
    for (const sql of [
      "SELECT metric || ' ' || subset || ' ' || coalesce(unit, '') || ' ' || model AS t FROM main.results",
      "SELECT claim || ' ' || coalesce(unit, '') AS t FROM main.claims",
      'SELECT display_name AS t FROM main.models',
    ])
      texts.push(...(await db.query(sql)).rows.map((r) => String(r.t)));
    for (const b of builtCatalog().benchmarks) texts.push(b.short, b.title, ...b.tables.flatMap((t) => [t.title, ...t.columns.map((c) => c.name)]));
    const odd = [...new Set(texts.join('').replace(/[\x00-\x7f]/g, ''))].join('');
    expect(odd.length).toBeGreaterThan(0);
    expect(latexEscape(odd)).toMatch(TEXT_OK);
    expect(latexEscape('ΔAPC (DeB)')).toBe('\\ensuremath{\\Delta}APC (DeB)');
    expect(latexEscape('α ≥ Ω, ς')).toBe('\\ensuremath{\\alpha} \\ensuremath{\\geq} \\ensuremath{\\Omega}, \\ensuremath{\\varsigma}');
  });
});

describe('export file names', () => {
  const spec = { ...chartFixtures()[0], view: 'builder-bar' };
  const name = (filter: string) => chartFileName({ ...spec, filter }, 'csv', '', new Date(2026, 10, 27));
  it('keep a filter’s minus sign', () => {
    expect(name('value ≥ -1')).toContain('_where-value-ge-minus-1_');
    expect(name('value ≥ -0.5')).not.toBe(name('value ≥ 0.5'));
    expect(name('value -1–2')).not.toBe(name('value 1–2'));
    expect(name('value ≥ −1')).toBe(name('value ≥ -1'));
    // A hyphen inside words stays a separator.
    expect(name('model is gpt-4o')).toContain('_where-model-is-gpt-4o_');
  });
});
