// Benchmark pages: PersonaGym's score grid against the built data, tables with their first rows
// and provenance, BibTeX copy, table pages, unknown routes, and a 360 px wide screen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtCatalog, builtProvenance, builtTableRows, newSession, waitForDb, type Session } from './harness.ts';

const catalog = builtCatalog();
const personagym = catalog.benchmarks.find((b) => b.id === 'personagym');

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  s.assertClean();
  await s.close();
});

describe.skipIf(!personagym)('PersonaGym page', () => {
  const entry = personagym!;

  it("links to the Score page's PersonaGym tab, which opens on its questions", async () => {
    await s.open('#/b/personagym');
    const link = s.page.locator('[data-score-link] a');
    expect(await link.getAttribute('href')).toBe('#/score?input=gym');
    await link.click();
    await expect.poll(() => s.page.locator('[data-gym-persona] option').count(), { timeout: 90_000 }).toBeGreaterThan(1);
  });

  it('shows every model’s score on every task, as in personagym.scores', async () => {
    const scoresTable = entry.tables.find((t) => t.name === 'scores')!;
    const rows = builtTableRows(scoresTable.file) as { model: string; task: string; score: number }[];
    const models = new Set(rows.map((r) => r.model));
    expect(models.size).toBe(6); // the paper's six models (arXiv v3)

    await s.open('#/b/personagym');
    const grid = s.page.locator('[data-score-grid]');
    await expect.poll(() => grid.locator('tbody tr').count(), { timeout: 90_000 }).toBe(models.size);
    for (const r of rows) {
      const cell = grid.locator(`tr[data-row="${r.model}"] td[data-column="${r.task}"]`);
      expect(Number(await cell.getAttribute('data-value')), `${r.model} / ${r.task}`).toBe(r.score);
      expect(await cell.isVisible()).toBe(true);
      expect((await cell.innerText()).trim()).toBe(String(r.score));
    }
  });

  it('shows metadata, licence, claims, tables with first rows and provenance, and files', async () => {
    await s.open('#/b/personagym');
    const page = s.page;
    await expect.poll(() => page.locator('h1').innerText()).toBe(entry.title);
    const text = await page.locator('main').innerText();
    for (const author of entry.authors) expect(text).toContain(author);
    expect(text).toContain(entry.license.note);
    for (const claim of entry.claims) {
      expect(text).toContain(claim.text);
      expect(text).toContain(claim.source);
    }
    for (const link of entry.links) expect(await page.locator(`a[href="${link.url}"]`).count()).toBeGreaterThan(0);

    await waitForDb(page);
    for (const table of entry.tables) {
      const section = page.locator(`[data-table="${table.qualified}"]`);
      expect(await section.innerText()).toContain(table.description);
      for (const c of table.columns) expect(await section.locator('dt code', { hasText: c.name }).count()).toBeGreaterThan(0);
      await expect
        .poll(() => section.locator('[data-preview] tbody tr').count(), { timeout: 60_000 })
        .toBe(Math.min(5, table.rows));
      // Source, licence and a way to cite travel with every table.
      const provenance = section.locator(`[data-provenance="${table.qualified}"]`);
      expect(await provenance.locator('[data-license-status]').getAttribute('data-license-status')).toBe(entry.license.status);
      expect(await provenance.getByText(`Cite ${entry.short}`).count()).toBe(1);
    }
    // Rows it gives main.results, and its release files pinned to a commit.
    expect(text).toContain(`contributes ${entry.resultsRows.toLocaleString('en-US')} row`);
    const release = page.locator('[data-release]').first();
    await release.locator('summary').click();
    const firstFile = builtProvenance(entry).sourceFiles[0];
    expect(await page.locator(`a[href="${firstFile.url}"]`).count()).toBeGreaterThan(0);
    expect(await release.innerText()).toContain(firstFile.sha256.slice(0, 12));
  });

  it('copies the BibTeX', async () => {
    await s.open('#/b/personagym');
    await s.page.locator('section[aria-labelledby="cite-h"]').getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => s.page.getByText('Copied to the clipboard.').count()).toBe(1);
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(entry.bibtex);
  });

  it('table page shows its rows (count and a virtualised grid), the column docs and provenance', async () => {
    const table = entry.tables.find((t) => t.rows > 100) ?? entry.tables[0];
    await s.open(`#/b/personagym/${table.name}`);
    await expect.poll(() => s.page.locator('h1').innerText()).toBe(table.title);
    await expect
      .poll(() => s.page.locator('[data-total]').getAttribute('data-total'), { timeout: 90_000 })
      .toBe(String(table.rows));
    // Only the rows in view are in the DOM, never the whole table.
    const rendered = await s.page.locator('[data-grid] tbody tr[data-row-index]').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(Math.min(100, table.rows));
    expect(await s.page.locator('dt code').count()).toBe(table.columns.length);
    expect(await s.page.locator(`[data-provenance="${table.qualified}"]`).count()).toBe(1);
  });
});

describe('routes', () => {
  it('says so for an unknown benchmark and an unknown path, and links back', async () => {
    await s.open('#/b/no-such-benchmark');
    await expect.poll(() => s.page.locator('h1').innerText()).toBe('Not found');
    expect(await s.page.locator('main').innerText()).toContain('no-such-benchmark');
    await s.open('#/what/ever');
    await expect.poll(() => s.page.locator('main').innerText()).toContain('what/ever');
    await s.page.getByRole('link', { name: 'Back to all benchmarks' }).click();
    await expect.poll(() => s.page.locator('[data-benchmark]').count()).toBe(catalog.benchmarks.length);
  });
});

describe('small screens', () => {
  it('fits 360 px without sideways scrolling, and the site links stay whole', async () => {
    const narrow = await newSession({ width: 360, height: 740 });
    try {
      const overflow = () => narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const hash of ['#/', ...(personagym ? ['#/b/personagym', '#/leaderboard'] : []), '#/models', '#/mine', '#/sql', '#/score']) {
        await narrow.open(hash);
        await narrow.page.locator('h1').waitFor();
        await narrow.page.waitForTimeout(300);
        expect(await overflow(), `${hash} overflows`).toBeLessThanOrEqual(0);
      }
      // The Score page with three response columns and its settings open (fieldsets, a long select, inputs).
      await narrow.page.locator('[data-add-model]').click();
      await narrow.page.locator('[data-add-model]').click();
      await narrow.page.locator('[data-scorer-settings] > summary').click();
      expect(await overflow(), '#/score with its settings open overflows').toBeLessThanOrEqual(0);
      // A chart's export panel, opened.
      if (personagym) {
        await narrow.open('#/leaderboard');
        await narrow.page.locator('summary', { hasText: 'Export for a paper' }).first().click();
        expect(await overflow(), 'an open chart export panel overflows').toBeLessThanOrEqual(0);
      }
      // The site's links wrap as whole words: none is broken over two lines ("Leaderboar ds").
      const broken = await narrow.page.locator('.site-nav a').evaluateAll((links) =>
        links
          .filter((a) => {
            const range = document.createRange();
            range.selectNodeContents(a);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1; // text on more than one line
          })
          .map((a) => a.textContent),
      );
      expect(broken).toEqual([]);
      narrow.assertClean();
    } finally {
      await narrow.close();
    }
  });
});
