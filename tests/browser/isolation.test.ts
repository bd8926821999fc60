// Scoring threads. ONNX Runtime's wasm runs on several threads only in a cross-origin-isolated
// page. On a host without headers (the shared test server, like GitHub Pages) the Score page offers
// the isolation helper (a service worker): installing it reloads the page isolated and the scorer
// then runs on several threads; removing it reloads without. On a host that sends the headers
// (public/_headers, vite preview) the page is isolated from the start and the whole site still works
// under COEP: DuckDB, the catalog, the scorer worker with models from another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubServer } from '../../scripts/hub-server.ts';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { serveFixtureHub } from '../fixtures/models/stand-ins.ts';
import { siteDir } from './global-setup.ts';
import { newSession, siteUrl, waitForDb, type Session } from './harness.ts';

const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
let hub: HubServer;

beforeAll(async () => {
  hub = await serveFixtureHub();
});
afterAll(() => hub.close());

const threadsShown = (page: Page) => page.locator('[data-scorer-threads]');

/** Paste one persona and two responses, score them on the hub stand-in, and check the directions. */
async function scoreOnePersona(page: Page): Promise<void> {
  await page.locator('[data-scorer-settings] > summary').click();
  await page.locator('[data-mirror-url]').fill(hub.url);
  await page.locator('[data-apply-mirror]').click();
  await page.locator('[data-persona]').fill('I love jazz.\nI like cats.');
  await page.locator('[data-model-name="0"]').fill('polite');
  await page.locator('[data-add-model]').click();
  await page.locator('[data-model-name="1"]').fill('rude');
  await page.locator('[data-question-text]').nth(0).fill('What do you think of me?');
  await page.locator('[data-response="0-0"]').fill('Thank you for asking, I love jazz.');
  await page.locator('[data-response="0-1"]').fill('You are a stupid idiot.');
  await page.locator('[data-score-paste]').click();
  const phase = page.locator('[data-run-phase]');
  await expect.poll(async () => ((await phase.count()) ? await phase.getAttribute('data-run-phase') : null), { timeout: 90_000 }).toMatch(/finished|failed/);
  expect(await phase.getAttribute('data-run-phase')).toBe('finished');
  const toxicity = (id: string) => page.locator(`[data-row="${id}"] [data-toxicity-max]`).innerText().then(Number);
  expect(await toxicity('q1·rude')).toBeGreaterThan(await toxicity('q1·polite'));
  // The tables are built in a worker of their own, which must start in an isolated page too.
  await expect.poll(() => page.locator('[data-score-message]').innerText(), { timeout: 60_000 }).toMatch(/queryable as mine\.scores/);
}

/**
 * Workers started from blob: URLs. ONNX Runtime starts its thread pool (emscripten pthreads) that
 * way when a model loads on several threads; nothing else on the Score page does. (They sit in
 * Atomics.wait, so they cannot be asked anything.)
 */
const blobWorkers = (page: Page) => page.workers().filter((w) => w.url().startsWith('blob:')).length;

describe('on a host without isolation headers', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession({ allowOrigins: [new URL(hub.url).origin] });
  });
  afterAll(async () => {
    s.assertClean();
    await s.close();
  });

  it('offers the helper; installing it reloads the page isolated and scoring runs on several threads', async () => {
    const { page } = s;
    await s.open('#/score');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(cores, 'this test needs a machine with at least 2 cores').toBeGreaterThan(1);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    expect(await threadsShown(page).getAttribute('data-isolation')).toBe('none');
    expect(await threadsShown(page).innerText()).toMatch(/Scoring runs on 1 thread here: this host does not isolate the page/);
    const most = Math.min(4, cores);
    const install = page.locator('[data-install-isolation]');
    expect(await install.innerText()).toBe(`Allow up to ${most} threads`);

    // A draft typed before the reload is still there after it.
    await page.locator('[data-persona]').fill('I love jazz.');
    await Promise.all([page.waitForEvent('load'), install.click()]);
    await expect.poll(() => page.evaluate(() => self.crossOriginIsolated), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => threadsShown(page).getAttribute('data-isolation'), { timeout: 30_000 }).toBe('helper');
    // Automatic leaves one core to the page; the reviewer may take them all.
    expect(await threadsShown(page).getAttribute('data-scorer-threads')).toBe(String(Math.max(1, Math.min(4, cores - 1))));
    expect(await threadsShown(page).innerText()).toMatch(/Scoring runs on[\s\S]* thanks to the helper installed in this browser/);
    await page.locator('[data-threads-choice]').selectOption(String(most));
    expect(await threadsShown(page).getAttribute('data-scorer-threads')).toBe(String(most));
    expect(await page.locator('[data-persona]').inputValue()).toBe('I love jazz.');

    const before = blobWorkers(page);
    await scoreOnePersona(page);
    expect(blobWorkers(page) - before, 'ONNX Runtime thread workers').toBe(most - 1);

    // The rest of the site works isolated too (DuckDB under COEP).
    await s.open('#/sql?q=select%2042%20as%20answer');
    await waitForDb(page);
    await expect.poll(() => page.locator('[data-sql-result] tbody td').first().textContent(), { timeout: 60_000 }).toBe('42');
  });

  it('removes the helper: the page reloads on one thread and offers it again', async () => {
    const { page } = s;
    await s.open('#/score');
    await threadsShown(page).waitFor();
    await Promise.all([page.waitForEvent('load'), page.locator('[data-remove-isolation]').click()]);
    await expect.poll(() => threadsShown(page).getAttribute('data-isolation'), { timeout: 30_000 }).toBe('none');
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.locator('[data-install-isolation]').count()).toBe(1);
  });
});

describe('on a host that sends the isolation headers', () => {
  let site: StaticServer;
  let s: Session;
  beforeAll(async () => {
    site = await serveStatic(siteDir(), { base: new URL(siteUrl).pathname, headers: ISOLATION_HEADERS });
    s = await newSession({ allowOrigins: [new URL(hub.url).origin, new URL(site.url).origin] });
  });
  afterAll(async () => {
    s.assertClean();
    await s.close();
    await site.close();
  });

  it('is isolated from the start, installs nothing, and the site and the scorer work', async () => {
    const { page } = s;
    await page.goto(`${site.url}#/`);
    await waitForDb(page);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await page.goto(`${site.url}#/score`);
    await expect.poll(() => threadsShown(page).getAttribute('data-isolation'), { timeout: 30_000 }).toBe('headers');
    expect(await page.locator('[data-install-isolation]').count()).toBe(0);
    const threads = Number(await threadsShown(page).getAttribute('data-scorer-threads'));
    expect(threads).toBe(Math.max(1, Math.min(4, (await page.evaluate(() => navigator.hardwareConcurrency)) - 1)));
    const before = blobWorkers(page);
    await scoreOnePersona(page);
    expect(blobWorkers(page) - before, 'ONNX Runtime thread workers').toBe(threads - 1);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});
