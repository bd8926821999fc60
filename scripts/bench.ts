// `npm run bench`: speed of the production build in headless Chromium on localhost.
// Measures, over cold loads (fresh browser context, empty cache):
//   - catalog visible and interactive (all cards rendered, search box usable), from navigation start
//   - bytes transferred until then (the first screen)
//   - DuckDB ready (wasm fetched, compiled, schemas created), from navigation start
//   - first query answered: the PersonaGym score grid filled, from the route change (DuckDB already up)
// Writes bench-results/foundation.json and prints a summary. Not a test: it asserts nothing.
// SITE_DIR picks the site build (default dist/).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Catalog } from '../src/lib/types.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Run {
  catalogVisibleMs: number;
  firstScreenBytes: number;
  firstScreenRequests: number;
  firstScreenFiles: string[];
  dbReadyMs: number;
  firstQueryMs: number;
  totalBytes: number;
}

// Runs in the page before any script: records when the catalog is complete and when DuckDB is ready.
function installProbes(expectedCards: number): void {
  const w = window as unknown as { __bench: Record<string, number> };
  w.__bench = {};
  const observer = new MutationObserver(() => {
    const b = w.__bench;
    const search = document.querySelector('input[type="search"]') as HTMLInputElement | null;
    if (!b.catalogVisible && document.querySelectorAll('[data-benchmark]').length >= expectedCards && search && !search.disabled)
      b.catalogVisible = performance.now();
    if (!b.dbReady && document.querySelector('[data-db-state="ready"]')) b.dbReady = performance.now();
    if (b.routeChanged && !b.gridFilled && document.querySelector('[data-score-grid] [data-value]:not([data-value=""])'))
      b.gridFilled = performance.now();
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, attributes: true }));
  window.addEventListener('hashchange', () => (w.__bench.routeChanged = performance.now()));
}

async function coldLoad(browser: Browser, url: string, cards: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const received: Promise<number>[] = [];
  context.on('requestfinished', (req) => received.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  await page.addInitScript(installProbes, cards);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.catalogVisible, null, { timeout: 30_000 });
  const catalogVisibleMs = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench.catalogVisible);
  // Resource Timing of the page itself: what had arrived by the time the catalog was usable.
  const firstScreen = await page.evaluate((until) => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return entries.filter((e) => e.responseEnd <= until).map((e) => ({ name: e.name.replace(location.origin, ''), bytes: e.transferSize }));
  }, catalogVisibleMs);
  await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.dbReady, null, { timeout: 120_000 });
  const dbReadyMs = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench.dbReady);
  await page.evaluate(() => (location.hash = '#/b/personagym'));
  await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.gridFilled, null, { timeout: 60_000 });
  const firstQueryMs = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Record<string, number> }).__bench;
    return b.gridFilled - b.routeChanged;
  });
  await page.waitForLoadState('networkidle');
  // The DuckDB worker fetches the wasm itself: count what the whole context received.
  const totalBytes = (await Promise.all(received)).reduce((n, b) => n + b, 0);
  await context.close();
  return {
    catalogVisibleMs,
    firstScreenBytes: firstScreen.reduce((n, r) => n + r.bytes, 0),
    firstScreenFiles: firstScreen.map((r) => r.name),
    firstScreenRequests: firstScreen.length,
    dbReadyMs,
    firstQueryMs,
    totalBytes,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const dist = path.resolve(process.env.SITE_DIR ?? 'dist');
  const catalog = JSON.parse(fs.readFileSync(path.join(dist, 'data/catalog.json'), 'utf8')) as Catalog;
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const r = await coldLoad(browser, server.url, catalog.benchmarks.length);
      runs.push(r);
      console.log(
        `run ${i + 1}: catalog ${r.catalogVisibleMs.toFixed(0)} ms (${(r.firstScreenBytes / 1024).toFixed(0)} KiB, ${r.firstScreenRequests} requests), ` +
          `DuckDB ready ${r.dbReadyMs.toFixed(0)} ms, first query ${r.firstQueryMs.toFixed(0)} ms, all bytes ${(r.totalBytes / 1048576).toFixed(1)} MiB`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const summary = {
    runs: RUNS,
    machine: `${process.platform} ${process.arch}, node ${process.version}, headless chromium, localhost`,
    median: {
      catalogVisibleMs: median(runs.map((r) => r.catalogVisibleMs)),
      firstScreenBytes: median(runs.map((r) => r.firstScreenBytes)),
      dbReadyMs: median(runs.map((r) => r.dbReadyMs)),
      firstQueryMs: median(runs.map((r) => r.firstQueryMs)),
      totalBytes: median(runs.map((r) => r.totalBytes)),
    },
    all: runs,
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/foundation.json', JSON.stringify(summary, null, 2));
  const m = summary.median;
  console.log(`\nmedian of ${RUNS} cold loads:`);
  console.log(`  catalog visible and interactive: ${m.catalogVisibleMs.toFixed(0)} ms (target < 1000 ms)`);
  console.log(`  first screen transferred:        ${(m.firstScreenBytes / 1024).toFixed(0)} KiB`);
  console.log(`  DuckDB ready (from navigation):  ${m.dbReadyMs.toFixed(0)} ms`);
  console.log(`  first query answered:            ${m.firstQueryMs.toFixed(0)} ms (PersonaGym score grid, DuckDB up)`);
  console.log(`  everything transferred:          ${(m.totalBytes / 1048576).toFixed(1)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
