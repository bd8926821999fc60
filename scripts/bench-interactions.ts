// Table-browser interactions timed from input to painted result in headless Chromium, shared by the
// explorer bench (released tables) and the upload-interactions bench (a 1,000,000-row upload).
// "Painted" = the grid reports the new state's rows (data-ready-key) and a frame has been drawn after it.
import type { Page } from 'playwright-core';

export type InteractionKind = 'facet' | 'sort' | 'search';

/** What one series of inputs does: toggle a facet column's commonest value, cycle a column's sort, or type search words. */
export type InteractionPlan =
  | { kind: 'facet'; column: string }
  | { kind: 'sort'; column: string }
  | { kind: 'search'; words: string[] };

export interface InteractionSample {
  /** Input to painted result. */
  ms: number;
  /** The table state painted (the grid's data-ready-key: "?" + the URL query of the state). */
  readyKey: string;
  /** The matching row count the page showed for it. */
  total: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

/** Runs in the page: performs one input and resolves once the grid painted its result. */
function interact(args: { plan: InteractionPlan; step: number }): Promise<InteractionSample> {
  const grid = document.querySelector('[data-grid]')!;
  const before = grid.getAttribute('data-ready-key');
  const { plan, step } = args;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no paint after ${plan.kind} step ${step}`)), 60_000);
    const observer = new MutationObserver(() => {
      const key = grid.getAttribute('data-ready-key');
      if (!key || key === before) return;
      observer.disconnect();
      clearTimeout(timer);
      const total = Number(document.querySelector('[data-total]')?.getAttribute('data-total'));
      // After the DOM update, wait for the next frame to be drawn.
      requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, readyKey: key, total })));
    });
    observer.observe(grid, { attributes: true, attributeFilter: ['data-ready-key'] });
    const t0 = performance.now();
    if (plan.kind === 'facet') {
      // The commonest value: toggled on, then off (the column's own counts ignore its selection, so it stays first).
      document.querySelector<HTMLButtonElement>(`[data-facet="${plan.column}"] button`)!.click();
    } else if (plan.kind === 'sort') {
      document.querySelector<HTMLButtonElement>(`th[data-column="${plan.column}"] button`)!.click(); // asc → desc → none
    } else {
      const input = document.querySelector<HTMLInputElement>('#tb-search')!;
      input.value = plan.words[step % plan.words.length];
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}

/** Runs in the page: true once the facet counts shown were taken under the painted state (or there are no facets). */
function facetsSettled(): boolean {
  const aside = document.querySelector('[data-facets-key]');
  const ready = document.querySelector('[data-grid]')?.getAttribute('data-ready-key');
  if (!aside || !document.querySelector('[data-facet]')) return true;
  return ready === `?${aside.getAttribute('data-facets-key')}`;
}

/**
 * Opens a table browser page with no filters (a full load, or a hash change that clears the filters of
 * the table shown), waits for its unfiltered rows and facet counts and returns the row count it shows.
 */
export async function openTableBrowser(page: Page, url: string, timeoutMs: number): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('[data-db-state="ready"]', { timeout: timeoutMs });
  // "?" alone: the grid painted the state without search, sort or facets.
  await page.waitForFunction(() => document.querySelector('[data-grid]')?.getAttribute('data-ready-key') === '?', null, { timeout: timeoutMs });
  await page.waitForSelector('[data-facet] button', { timeout: timeoutMs });
  await page.waitForFunction(facetsSettled, null, { timeout: timeoutMs });
  return Number(await page.locator('[data-total]').getAttribute('data-total'));
}

/**
 * Performs warmup + runs inputs of one plan and returns the timed ones. Before each input it pauses as a
 * person would and waits for the previous state's facet counts (queued after the rows, on the same
 * DuckDB connection), so each time is the input's own, not the tail of the last one.
 */
export async function measureInteraction(page: Page, plan: InteractionPlan, opts: { runs: number; warmup: number; timeoutMs: number }): Promise<InteractionSample[]> {
  const samples: InteractionSample[] = [];
  for (let step = 0; step < opts.runs + opts.warmup; step++) {
    await page.waitForTimeout(400);
    await page.waitForFunction(facetsSettled, null, { timeout: opts.timeoutMs });
    const sample = await page.evaluate(interact, { plan, step });
    if (step >= opts.warmup) samples.push(sample);
  }
  return samples;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function percentiles(ms: number[]): Percentiles {
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(Math.max(...ms)), runs: ms.length };
}
