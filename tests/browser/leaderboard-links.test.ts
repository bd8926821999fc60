// Links reproduce what was shown on the leaderboard, benchmark, catalog and models pages; a hand-edited
// link that names something not here gets a notice naming it, never a silent swap.
import { describe, expect, it } from 'vitest';
import { builtCatalog, builtTableRows, fileSession } from './harness.ts';

const catalog = builtCatalog();
const resultsTable = catalog.shared.find((t) => t.qualified === 'main.results')!;
const results = builtTableRows(resultsTable.file) as { benchmark: string; metric: string; subset: string; model_id: string; value: number }[];
const boardsOf = (benchmark: string) => [...new Set(results.filter((r) => r.benchmark === benchmark).map((r) => JSON.stringify([r.metric, r.subset])))].map((j) => JSON.parse(j) as [string, string]);
const size = (benchmark: string, [metric, subset]: [string, string]) =>
  results.filter((r) => r.benchmark === benchmark && r.metric === metric && r.subset === subset).length;
/** The board of a benchmark ranking the most models. */
const fullest = (benchmark: string) => boardsOf(benchmark).sort((a, b) => size(benchmark, b) - size(benchmark, a))[0];
// A benchmark with several boards (so a picked board differs from the default one), one of them with 3+ models.
const many = catalog.benchmarks.find((b) => boardsOf(b.id).length > 2 && size(b.id, fullest(b.id)) > 2)!;

const s = fileSession({ start: '#/' });

const hash = () => s.page.evaluate(() => location.hash);
const query = async () => new URLSearchParams((await hash()).split('?')[1] ?? '');
const rows = () => s.page.locator('[data-leaderboard] tbody tr');

describe('leaderboard links', () => {
  it('names an unknown metric and subset, keeps the link as typed, and writes the board once one is picked', async () => {
    const typed = `#/leaderboard?benchmark=${encodeURIComponent(many.id)}&metric=nope&subset=x`;
    await s.open(typed);
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const notice = s.page.locator('[data-board-notice]');
    expect(await notice.innerText()).toMatch(new RegExp(`names metric “nope”, subset “x” in ${many.id}, which no leaderboard has`));
    expect(await hash()).toBe(typed);
    // Picking a board ends the notice and puts the board in the link.
    const subset = s.page.locator('.picker select').nth(2);
    const other = await subset.locator('option').nth(1).getAttribute('value');
    await subset.selectOption(other!);
    await expect.poll(async () => (await query()).get('subset')).toBe(other);
    expect(await notice.count()).toBe(0);
    expect((await query()).get('benchmark')).toBe(many.id);
  });

  it('names an unknown benchmark instead of silently showing another', async () => {
    await s.open('#/leaderboard?benchmark=nope');
    await expect.poll(() => s.page.locator('[data-board-notice]').count(), { timeout: 60_000 }).toBe(1);
    expect(await s.page.locator('[data-board-notice]').innerText()).toMatch(/names benchmark “nope”, which no leaderboard has\. Showing /);
    expect(await hash()).toBe('#/leaderboard?benchmark=nope');
  });

  it('keeps the sort in the URL: a reload and back/forward show the same order', async () => {
    const [metric, subset] = fullest(many.id);
    const q = new URLSearchParams({ benchmark: many.id, metric, subset });
    await s.open(`#/leaderboard?${q}`);
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const value = s.page.locator('[data-leaderboard] th', { hasText: 'Value' });
    await value.locator('button').click();
    await value.locator('button').click();
    await expect.poll(async () => (await query()).get('sort')).toBe('-value');
    await s.page.reload();
    await expect.poll(() => rows().count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const values = await rows().evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await s.page.locator('[data-leaderboard] th', { hasText: 'Value' }).getAttribute('aria-sort')).toBe('descending');
    // A link to the same board with another sort is followed (hashchange, no reload).
    q.set('sort', 'model');
    await s.page.evaluate((h) => (location.hash = h), `#/leaderboard?${q}`);
    await expect.poll(() => s.page.locator('[data-leaderboard] th', { hasText: 'Model' }).getAttribute('aria-sort')).toBe('ascending');
    q.set('sort', 'bogus');
    await s.page.evaluate((h) => (location.hash = h), `#/leaderboard?${q}`);
    await expect.poll(() => s.page.locator('[data-sort-notice]').count()).toBe(1);
    expect(await s.page.locator('[data-sort-notice]').innerText()).toMatch(/sort “bogus” is not one of rank, model or value/);
  });

  it("keeps the benchmark page's board in the URL", async () => {
    await s.open(`#/b/${many.id}`);
    const subset = s.page.locator('.picker select').nth(1);
    await expect.poll(() => subset.locator('option').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const other = await subset.locator('option').nth(1).getAttribute('value');
    await subset.selectOption(other!);
    await expect.poll(async () => (await query()).get('subset')).toBe(other);
    await s.page.reload();
    await expect.poll(() => s.page.locator('.picker select').nth(1).inputValue(), { timeout: 60_000 }).toBe(other);
    // Sorted by model, the link to the leaderboard page keeps that order.
    await s.page.locator('[data-leaderboard] th button', { hasText: 'Model' }).click();
    await expect.poll(async () => (await query()).get('sort')).toBe('model');
    await s.page.locator('[data-open-leaderboard]').click();
    await expect.poll(async () => (await hash()).split('?')[0]).toBe('#/leaderboard');
    expect((await query()).get('sort')).toBe('model');
    expect((await query()).get('subset')).toBe(other);
  });
});

describe('catalog and models links', () => {
  it('writes the catalog search to the URL and reads it back', async () => {
    await s.open('#/');
    await s.page.fill('#catalog-search', 'memory');
    await expect.poll(async () => (await query()).get('q')).toBe('memory');
    const count = await s.page.locator('#catalog-count').getAttribute('data-match-count');
    await s.open('#/b/personamem');
    await s.page.waitForSelector('[data-benchmark-page]');
    await s.open('#/?q=persona');
    await expect.poll(() => s.page.locator('#catalog-search').inputValue()).toBe('persona');
    await s.page.reload();
    await s.page.evaluate(() => (location.hash = '#/?q=memory'));
    await expect.poll(() => s.page.locator('#catalog-count').getAttribute('data-match-count')).toBe(count);
    expect(await s.page.locator('#catalog-search').inputValue()).toBe('memory');
  });

  it('names and drops unknown model ids, and follows the nav link that clears the selection', async () => {
    const known = results[0].model_id;
    await s.open(`#/models?m=bogus,${encodeURIComponent(known)}`);
    await expect.poll(() => s.page.locator('[data-unknown-models]').count(), { timeout: 60_000 }).toBe(1);
    expect(await s.page.locator('[data-unknown-models]').innerText()).toMatch(/“bogus”/);
    expect(await s.page.locator('[data-models] input:checked').count()).toBe(1);
    expect(await s.page.locator('.compare-bar').innerText()).toMatch(/Choose 2–4 models/);
    expect((await query()).get('m')).toBe(known);
    await s.page.locator('nav a', { hasText: 'Models' }).first().click();
    await expect.poll(() => s.page.locator('[data-models] input:checked').count()).toBe(0);
    expect(await hash()).toBe('#/models');
  });
});
