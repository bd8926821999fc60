// The catalog page: one card per benchmark straight from catalog.json (before DuckDB is up),
// and a search box that filters them as you type.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchBenchmarks } from '../../src/lib/catalog/search.ts';
import { benchmarkFolderCount, builtCatalog, newSession, type Session } from './harness.ts';

const catalog = builtCatalog();
const FIELD_SIZE = 29; // benchmarks the project covers (the list)

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  s.assertClean();
  await s.close();
});

async function shownIds(session: Session): Promise<string[]> {
  return session.page.locator('[data-benchmark]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-benchmark') ?? ''));
}

describe('catalog page', () => {
  it('renders one card per catalog entry without waiting for DuckDB', async () => {
    // Hold DuckDB's wasm back until the cards are checked: the catalog must not depend on it.
    let releaseWasm!: () => void;
    const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
    await s.page.route('**/*.wasm', async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await s.open('#/');
    const cards = s.page.locator('[data-benchmark]');
    await expect.poll(() => cards.count()).toBe(catalog.benchmarks.length);
    expect(await s.page.locator('[data-db-state]').getAttribute('data-db-state')).not.toBe('ready');
    expect((await shownIds(s)).sort()).toEqual(catalog.benchmarks.map((b) => b.id).sort());
    releaseWasm();
  });

  it('shows each benchmark’s names, venue, year, availability, licence and size', async () => {
    await s.open('#/');
    for (const b of catalog.benchmarks) {
      const card = s.page.locator(`[data-benchmark="${b.id}"]`);
      await expect.poll(() => card.count()).toBe(1);
      const text = await card.innerText();
      expect(text).toContain(b.short);
      expect(text).toContain(b.title);
      expect(text).toContain(String(b.year));
      expect(text).toContain(b.venue);
      expect(await card.locator('[data-license-status]').getAttribute('data-license-status')).toBe(b.license.status);
      const badges = await card.locator('[data-availability]').evaluateAll((els) => els.map((e) => e.getAttribute('data-availability')));
      if (b.availability.length === 1 && b.availability[0] === 'claims') {
        expect(badges).toEqual(['claims']);
        expect(text).toMatch(/claims only/i);
      } else if (b.availability.length === 0) {
        expect(badges).toEqual(['links']);
        expect(text).toMatch(/links only/i);
      } else expect(badges).toEqual(b.availability);
      expect(text).toMatch(new RegExp(`${b.tables.length} tables?`));
    }
  });

  it.skipIf(benchmarkFolderCount() < FIELD_SIZE)(`shows all ${FIELD_SIZE} benchmarks once the full catalog is built`, async () => {
    expect(catalog.benchmarks).toHaveLength(FIELD_SIZE);
    await s.open('#/');
    await expect.poll(() => s.page.locator('[data-benchmark]').count()).toBe(FIELD_SIZE);
  });

  it('filters cards as you type and says when nothing matches', async () => {
    await s.open('#/');
    const search = s.page.getByLabel('Search benchmarks');
    await search.waitFor();
    const first = catalog.benchmarks[0];
    const surname = first.authors[0].split(' ').at(-1)!;
    const column = first.tables[0]?.columns.at(-1)?.name;
    // Queries over title, author, summary words, and a column name; expected sets come from the same search code.
    const queries = [first.short, surname, first.summary.split(/\s+/).slice(2, 4).join(' '), column].filter(
      (q): q is string => Boolean(q),
    );
    for (const q of queries) {
      await search.fill(q);
      const expected = searchBenchmarks(catalog, q).map((b) => b.id);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(async () => (await shownIds(s)).sort()).toEqual([...expected].sort());
    }

    await search.fill('zzqx-no-such-benchmark');
    await expect.poll(() => s.page.locator('[data-benchmark]').count()).toBe(0);
    await expect.poll(() => s.page.getByText(/No benchmark matches/).count()).toBe(1);
    await s.page.getByRole('button', { name: 'Clear the search' }).click();
    await expect.poll(() => s.page.locator('[data-benchmark]').count()).toBe(catalog.benchmarks.length);
    expect(await search.inputValue()).toBe('');
  });

  it('switches theme (auto → light → dark) and remembers it', async () => {
    await s.open('#/');
    const toggle = s.page.getByRole('button', { name: /^Theme:/ });
    const theme = () => s.page.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
    const background = () => s.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await theme()).toBe('auto');
    await toggle.click();
    expect(await theme()).toBe('light');
    const light = await background();
    await toggle.click();
    expect(await theme()).toBe('dark');
    expect(await background()).not.toBe(light);
    await s.page.reload();
    await s.page.locator('h1').waitFor();
    expect(await theme()).toBe('dark');
    await toggle.click();
    expect(await theme()).toBe('auto');
  });

  it('opens a benchmark from its card by keyboard', async () => {
    await s.open('#/');
    const b = catalog.benchmarks[0];
    const link = s.page.locator(`[data-benchmark="${b.id}"] a`).first();
    await link.focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => location.hash)).toBe(`#/b/${b.id}`);
    await expect.poll(() => s.page.locator('h1').innerText()).toBe(b.title);
  });
});
