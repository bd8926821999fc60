// A curated chart's permalink lands on that chart: the benchmark page is long (the chart sits far
// below its top), so a link to the page alone would leave the reader to find it. The page scrolls to
// the figure once it is drawn and focuses it, from a fresh visit and from a link on the same page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, type Session } from './harness.ts';

const FIGURE = 'figure[data-chart="social-graph"]';
let author: Session;
let permalink = '';

beforeAll(async () => {
  author = await newSession({ width: 1280, height: 800 });
  await author.open('#/b/personabench');
  const figure = author.page.locator(FIGURE);
  await figure.locator('[data-chart-svg] svg').waitFor({ timeout: 90_000 });
  await figure.locator('[data-copy-embed]').click();
  permalink = (await figure.locator('[data-chart-permalink]').getAttribute('href'))!;
});

afterAll(async () => {
  author.assertClean();
  await author.close();
});

/** Whether the chart's figure starts within the top of the view and has the focus. */
async function landed(s: Session): Promise<{ top: number; focused: boolean; scrolled: number }> {
  return s.page.locator(FIGURE).evaluate((figure) => ({
    top: Math.round(figure.getBoundingClientRect().top),
    focused: document.activeElement === figure,
    scrolled: Math.round(scrollY),
  }));
}

describe('the permalink of a curated chart', () => {
  it('names the chart on its benchmark page', () => {
    expect(new URL(permalink).hash).toBe('#/b/personabench?chart=social-graph');
  });

  it('opens the page scrolled to the chart, the chart focused', async () => {
    const reader = await newSession({ width: 1280, height: 800 });
    await reader.page.goto(permalink);
    await reader.page.locator(`${FIGURE} [data-chart-svg] svg`).waitFor({ timeout: 90_000 });
    await expect.poll(async () => (await landed(reader)).focused, { timeout: 10_000 }).toBe(true);
    const at = await landed(reader);
    expect(at.scrolled).toBeGreaterThan(400);
    expect(at.top).toBeGreaterThanOrEqual(-1);
    expect(at.top).toBeLessThan(200);
    expect(reader.errors).toEqual([]);
    await reader.close();
  });

  it('jumps to the chart from a link on the same page', async () => {
    await author.page.evaluate(() => scrollTo(0, 0));
    await author.page.evaluate((hash) => (location.hash = hash), new URL(permalink).hash);
    await expect.poll(async () => (await landed(author)).focused, { timeout: 10_000 }).toBe(true);
    const at = await landed(author);
    expect(at.top).toBeGreaterThanOrEqual(-1);
    expect(at.top).toBeLessThan(200);
  });

  it('says the page has no chart of an unknown name, lands on that note and links the charts it has', async () => {
    const reader = await newSession({ width: 1280, height: 800 });
    await reader.open('#/b/personabench?chart=nope');
    const note = reader.page.locator('[data-chart-missing]');
    await note.waitFor({ timeout: 90_000 });
    expect(await note.innerText()).toMatch(/^PersonaBench has no chart “nope”\. Its charts: /);
    expect(await note.locator('a[href="#/b/personabench?chart=social-graph"]').count()).toBe(1);
    await expect.poll(() => note.evaluate((n) => document.activeElement === n)).toBe(true);
    // From a chart of the page to an unknown one: the note, not wherever the page was.
    await reader.page.evaluate(() => (location.hash = '#/b/personabench?chart=social-graph'));
    await expect.poll(() => reader.page.locator('[data-chart-missing]').count()).toBe(0);
    await reader.page.evaluate(() => (location.hash = '#/b/personabench?chart=nope'));
    await expect.poll(() => note.evaluate((n) => document.activeElement === n)).toBe(true);
    expect(reader.errors).toEqual([]);
    await reader.close();
  });
});
