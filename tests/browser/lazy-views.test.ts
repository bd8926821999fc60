// Views other than the catalog are fetched when their route is first visited: the first screen must not
// ask for them, focus must still reach the new page's heading once the view arrives, and a chunk that
// fails to arrive must leave a way to try again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { builtCatalog, newSession, type Session } from './harness.ts';

// Chunks that only other pages need (views, the console's editor, the chart renderer, the PDF export).
const NOT_ON_FIRST_SCREEN = /\/assets\/(\w+View|TableBrowser|editor-setup|render|pdf|scorer\.worker)-[\w-]+\.js$/;
const focusedHeading = (s: Session) => s.page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  await s.close();
});

it('the catalog loads no other view; a visited view is fetched and focus lands on its heading', async () => {
  await s.open('#/');
  await s.page.locator('[data-benchmark]').first().waitFor();
  await s.page.waitForLoadState('networkidle');
  expect(s.requests.filter((url) => NOT_ON_FIRST_SCREEN.test(url))).toEqual([]);

  const b = builtCatalog().benchmarks[0];
  await s.page.locator(`[data-benchmark="${b.id}"] a`).first().click();
  await expect.poll(() => focusedHeading(s)).toBe(b.title);
  expect(s.requests.some((url) => /\/assets\/BenchmarkView-[\w-]+\.js$/.test(url))).toBe(true);

  // Back and to another benchmark: the fetched view remounts under {#key} and focus follows again.
  const other = builtCatalog().benchmarks[1];
  await s.page.evaluate((id) => (location.hash = `#/b/${id}`), other.id);
  await expect.poll(() => focusedHeading(s)).toBe(other.title);
  s.assertClean();
});

it('a view whose chunk fails to load says so, and "Try again" fetches it again', async () => {
  const chunk = /\/assets\/ConsoleView-[\w-]+\.js$/;
  await s.context.route(chunk, (route) => route.abort('failed'));
  await s.open('#/');
  await s.page.locator('[data-benchmark]').first().waitFor();
  await s.page.getByRole('link', { name: 'SQL', exact: true }).click();
  const alert = s.page.locator('[data-lazy-error]');
  await alert.waitFor();
  expect(await alert.getAttribute('role')).toBe('alert');

  await s.context.unroute(chunk);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => focusedHeading(s)).toBe('SQL console');
  expect(await alert.count()).toBe(0);
  // Only the deliberate failure may have been logged.
  expect(s.errors.filter((e) => !/ConsoleView|dynamically imported module|ERR_FAILED/.test(e))).toEqual([]);
});
