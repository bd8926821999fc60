// The chart export menu in the browser: focus stays on the format pressed (aria-disabled, not
// disabled, while it works), preset errors are tied to their field, a too-small height is refused
// by name, PNGs carry their dpi, and a network offers its edges and cites its benchmark (LaTeX,
// Markdown and the figure's source line).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortCitation } from '../../src/lib/charts/export/citation.ts';
import { builtCatalog, builtTableRows, fileSession, fileTempDir } from './harness.ts';

const catalog = builtCatalog();
const bench = catalog.benchmarks.find((b) => b.id === 'personabench');
const outDir = fileTempDir('chart-export-');
const s = fileSession({ width: 1100 });

describe.skipIf(!bench)('chart export menu', () => {
  it('keeps focus, ties errors to fields, writes pHYs, exports edges and the citation', async () => {
    await s.open('#/b/personabench');
    const figure = s.page.locator('[data-chart="social-graph"]');
    await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
    await figure.locator('summary', { hasText: 'Export' }).click();

    // Keyboard export: the pressed button still has focus once the file is saved.
    const png = figure.locator('[data-export="png3"]');
    await png.focus();
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.keyboard.press('Enter')]);
    await expect.poll(() => png.textContent()).toBe('PNG 3×');
    expect(await png.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await png.getAttribute('disabled')).toBeNull();
    const file = path.join(outDir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    const phys = bytes.indexOf('pHYs', 0, 'latin1');
    expect(phys).toBeGreaterThan(0);
    expect(bytes.readUInt32BE(phys + 4)).toBe(Math.round(288 / 0.0254));

    // Edges as a CSV of their own, and a second table in the LaTeX with the \cite.
    const links = builtTableRows(bench!.tables.find((t) => t.name === 'relationships')!.file) as { from_person_id: unknown; to_person_id: unknown }[];
    const edges = links.filter((l) => l.from_person_id !== null && l.to_person_id !== null).length;
    const save = async (format: string) => {
      const [d] = await Promise.all([s.page.waitForEvent('download'), figure.locator(`[data-export="${format}"]`).click()]);
      const f = path.join(outDir, d.suggestedFilename());
      await d.saveAs(f);
      return f;
    };
    const edgesFile = await save('csv-links');
    expect(path.basename(edgesFile)).toMatch(/^personabench_social-graph_edges_\d{4}-\d\d-\d\d\.csv$/);
    expect(fs.readFileSync(edgesFile, 'utf8').trim().split('\r\n')).toHaveLength(edges + 1);
    const tex = fs.readFileSync(await save('tex'), 'utf8');
    expect(tex.match(/\\begin\{tabular\}/g)).toHaveLength(2);
    if (bench!.bibtex.trim()) expect(tex).toMatch(/\\cite\{[^}]+\}/);

    // The figure's source line and the Markdown caption carry the short citation; the Markdown the BibTeX too.
    const cited = `PersonaBench (${shortCitation(bench!)})`;
    expect(fs.readFileSync(await save('svg'), 'utf8').replace(/<\/text>\s*<text[^>]*>/g, ' ')).toContain(`Source: ${cited},`);
    const md = fs.readFileSync(await save('md'), 'utf8');
    expect(md).toContain(`Source: ${cited},`);
    if (bench!.bibtex.trim()) expect(md).toContain(['```bibtex', bench!.bibtex.trim(), '```'].join('\n'));

    // A height too small for the chart is refused, naming the least that fits.
    const height = figure.getByLabel(/Height/);
    await height.fill('1');
    await figure.locator('[data-export="svg"]').click();
    await expect.poll(() => figure.locator('.notice.error').textContent()).toMatch(/needs at least \d+(\.\d)? in/);

    // An out-of-range preset: the message describes its field; the buttons refuse but keep focus.
    await height.fill('20');
    const error = figure.locator('.notice.error', { hasText: 'Height must be' });
    await error.waitFor();
    expect(await height.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await figure.locator('[data-export="svg"]').getAttribute('aria-disabled')).toBe('true');
  });
});
