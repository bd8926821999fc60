// A leaderboard's embed: the released board drawn with its source line and licence, a link back to the
// leaderboard page showing that board; a board of the visitor's own uploads, or none, is refused plainly.
import { describe, expect, it } from 'vitest';
import { embedUrl } from '../../src/lib/charts/embed-url.ts';
import { builtCatalog, builtTableRows, fileSession, siteUrl } from './harness.ts';

const bench = builtCatalog().benchmarks.find((b) => b.id === 'personabench');
const KEY = { benchmark: 'personabench', metric: 'end-to-end F1', subset: 'ground-truth context · Overall · noise 0.5' };

const s = fileSession({ width: 700 });

describe.skipIf(!bench)('a leaderboard embed', () => {
  it('draws the released board with its source and licence, and links back to that board', async () => {
    const results = builtTableRows('main/results.arrow.gz').filter((r) => r.benchmark === KEY.benchmark && r.metric === KEY.metric && r.subset === KEY.subset);
    await s.page.goto(embedUrl(siteUrl, { kind: 'board', ...KEY }, 'light'));
    await s.page.locator('#embed[data-embed-ready="leaderboard"]').waitFor({ timeout: 90_000 });
    const svg = s.page.locator('#embed svg');
    expect(await svg.locator('g[data-mark="dot"] circle').count()).toBe(results.length);
    expect(await svg.locator('title').textContent()).toBe(`${bench!.short}: ${KEY.metric} · ${KEY.subset}, by model`);
    const source = await svg.locator('[data-source-line]').allTextContents();
    expect(source.join(' ')).toContain(`Source: ${bench!.short}, main.results`);
    expect(source.join(' ')).toContain(`licence ${bench!.license.spdx}`);
    const back = s.page.getByRole('link', { name: `${bench!.short} on Personascope: data, licence and citation` });
    const href = new URL((await back.getAttribute('href'))!);
    expect(href.hash.split('?')[0]).toBe('#/leaderboard');
    expect(Object.fromEntries(new URLSearchParams(href.hash.split('?')[1]))).toEqual(KEY);

    // The link opens the leaderboard page on that same board.
    await s.page.goto(href.toString());
    const rows = s.page.locator('[data-leaderboard] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(results.length);
    expect(await s.page.locator('[data-leaderboard] caption').textContent()).toContain(KEY.subset);
    // And that page's chart offers this very embed.
    await s.page.locator('[data-copy-embed]').click();
    expect(await s.page.locator('[data-embed-url]').getAttribute('href')).toBe(embedUrl(siteUrl, { kind: 'board', ...KEY }, 'light'));
    expect(await s.page.locator('[data-chart-permalink]').getAttribute('href')).toBe(href.toString());
  });

  it('is refused plainly for a board of uploads, or a board that does not exist', async () => {
    const cases: [string, string][] = [
      [embedUrl(siteUrl, { kind: 'board', benchmark: 'mine:runs', metric: 'acc', subset: '' }, 'light'), 'added in their own browser'],
      [embedUrl(siteUrl, { kind: 'board', ...KEY, subset: 'no such subset' }, 'light'), `Personascope has no leaderboard ${bench!.short} · ${KEY.metric} · no such subset.`],
      [new URL(`embed.html?b=personabench&metric=${encodeURIComponent(KEY.metric)}`, siteUrl).toString(), 'has no subset (the “subset” parameter'],
    ];
    for (const [url, message] of cases) {
      await s.page.goto(url);
      await expect.poll(() => s.page.getByRole('alert').textContent(), { timeout: 60_000 }).toContain(message);
      expect(await s.page.locator('#embed svg').count()).toBe(0);
    }
  });
});
