// The browser side of the scoring bench: headless Chromium opens bench-scorer.html of a site build,
// which exposes the app's ScorerClient (the same scorer worker bundle the Score page runs), and the
// bench drives it with page.evaluate. Models come from a hub-layout server on another port, so the
// worker downloads them once into the Cache API like the app does; every measurement then starts a
// fresh worker and loads its models from that cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { ScorerClient } from '../../src/lib/scoring/client.ts';
import type { ModelSpec, ScoreInput, ScorerName, ScoringRole } from '../../src/lib/scoring/types.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import type { HubServer } from '../hub-server.ts';
import { rowsPerSecond, type Measurement } from './measurement.ts';
import { currentRss, peakRss, resetPeakRss } from './memory.ts';
import { rendererPids } from './renderer-processes.ts';
import { maxScorerThreads } from '../../src/lib/scoring/threads.ts';
import { RECURRING_ITEMS, RECURRING_SCORERS, WARMUP_ITEMS, benchItems, benchSpec, recurringItems, specsFor, type Shape } from './workload.ts';

type Specs = Partial<Record<ScoringRole, ModelSpec>>;
type BenchWindow = { __scorer: ScorerClient };

export interface BrowserShapeRun {
  shape: Shape['name'];
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** First load of all the shape's models: download from the local hub server into the Cache API. */
  downloadLoadMs: number;
  measurements: (Measurement & { modelRequestsDuringLoad: number })[];
}

function pageLoad(page: Page, specs: Specs): Promise<number> {
  return page.evaluate(async (s) => {
    const t0 = performance.now();
    await (window as unknown as BenchWindow).__scorer.load(s);
    return performance.now() - t0;
  }, specs);
}

function pageScore(page: Page, items: ScoreInput[], scorer: ScorerName) {
  return page.evaluate(([it, sc]) => (window as unknown as BenchWindow).__scorer.score(it, { scorers: [sc] }), [items, scorer] as const);
}

/** Largest renderer peak (the page's renderer; a spare one stays small), or null without /proc. */
function rendererPeak(pids: number[]): number | null {
  const peaks = pids.map((p) => peakRss(p)).filter((b): b is number => b !== null);
  return peaks.length ? Math.max(...peaks) : null;
}

export async function runBrowserShape(siteUrl: string, hub: HubServer, shape: Shape): Promise<BrowserShapeRun> {
  // A persistent profile on disk: the Cache API then lives on disk as in a normal browser profile.
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-bench-scoring-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL('bench-scorer.html', siteUrl).href);
    await page.waitForSelector('[data-ready="true"]');
    const env = await page.evaluate(() => ({ crossOriginIsolated: self.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency }));
    // An isolated page runs on every core it may (up to 4: the Score page's largest thread choice).
    const threads = env.crossOriginIsolated ? maxScorerThreads(env.hardwareConcurrency) : 1;
    await page.evaluate(
      ([baseUrl, wasmThreads]) => (window as unknown as BenchWindow).__scorer.configure({ source: { kind: 'mirror', baseUrl }, wasmThreads }),
      [hub.url, threads] as const,
    );

    const allModels = Object.fromEntries(Object.keys(shape.models).map((role) => [role, benchSpec(shape, role as ScoringRole)])) as Specs;
    const downloadLoadMs = await pageLoad(page, allModels);
    await page.evaluate(() => (window as unknown as BenchWindow).__scorer.terminate());

    const measurements: BrowserShapeRun['measurements'] = [];
    for (const [scorer, count] of Object.entries(shape.scorers) as [ScorerName, number][]) {
      const pids = rendererPids(userDataDir);
      const reset = pids.length > 0 && pids.every((p) => resetPeakRss(p));
      const baselineBytes = Math.max(0, ...pids.map((p) => currentRss(p) ?? 0)) || null;
      const requestsBefore = hub.requests.length;
      const loadMs = await pageLoad(page, specsFor(shape, scorer));
      const modelRequestsDuringLoad = hub.requests.length - requestsBefore;
      const items = benchItems(WARMUP_ITEMS + count);
      await pageScore(page, items.slice(0, WARMUP_ITEMS), scorer);
      const summary = await pageScore(page, items.slice(WARMUP_ITEMS), scorer);
      const recurring = RECURRING_SCORERS.includes(scorer) ? await pageScore(page, recurringItems(RECURRING_ITEMS), scorer) : null;
      const peakBytes = rendererPeak(rendererPids(userDataDir));
      // A fresh worker for the next scorer: wasm memory never shrinks, so peaks stay per scorer.
      await page.evaluate(() => (window as unknown as BenchWindow).__scorer.terminate());
      if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
      measurements.push({
        shape: shape.name,
        scorer,
        runtime: `browser worker, onnxruntime-web wasm (plain SIMD build), ${env.crossOriginIsolated ? `${threads} thread${threads === 1 ? '' : 's'} (page cross-origin isolated)` : '1 thread (page not cross-origin isolated)'}`,
        loadMs,
        items: summary.done + summary.failed,
        itemsPerSecond: rowsPerSecond(summary),
        peakBytes,
        baselineBytes,
        memoryNote: `VmHWM of the page's renderer process (page + scorer worker + ONNX Runtime wasm heap)${reset ? ', reset after the previous worker ended' : ', not reset: includes earlier scorers'}`,
        failedRows: summary.failed + (recurring?.failed ?? 0),
        ...(recurring ? { recurringItemsPerSecond: rowsPerSecond(recurring) } : {}),
        modelRequestsDuringLoad,
      });
    }
    return { shape: shape.name, crossOriginIsolated: env.crossOriginIsolated, hardwareConcurrency: env.hardwareConcurrency, downloadLoadMs, measurements };
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
