// Part of `npm run bench`: the chart builder on the largest released table (papi.answers, 90,000 rows,
// more than the 20,000 the builder reads, so its bins and means come from DuckDB over every row), in
// headless Chromium on the production build (dist/, or $SITE_DIR):
//   - a histogram permalink opened in a fresh page, to the chart drawn (DuckDB start and table load included);
//   - on that open builder, choosing another x column, to the new chart drawn;
//   - choosing a bar chart of the mean answer per item (an aggregate over all rows), to the chart drawn.
// Writes bench-results/builder.json (median and max). Not a test: it asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBenchSite } from './bench-site.ts';

const RUNS = Number(process.env.BENCH_BUILDER_RUNS ?? 5);
const TIMEOUT = 120_000;
const PERMALINK = '#/b/papi/answers?chart.mark=histogram&chart.x=subject_id';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs: number[]) => ({ median: Math.round(median(xs)), max: Math.round(Math.max(...xs)) });

/** Milliseconds until the builder's chart title says `title` (the chart is in the page once its <title> is). */
async function drawn(page: Page, title: string, from: number): Promise<number> {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('[data-chart-builder] [data-chart-svg] svg title')].some((e) => e.textContent?.includes(t)),
    title,
    { timeout: TIMEOUT },
  );
  return (await page.evaluate(() => performance.now())) - from;
}

const site = await openBenchSite();
try {
  const open: number[] = [];
  const changeX: number[] = [];
  const mean: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await site.newPage();
    await page.goto(new URL(PERMALINK, site.url).toString());
    open.push(await drawn(page, 'distribution of subject_id', 0)); // performance.now() counts from navigation
    const builder = page.locator('[data-chart-builder]');
    let t0 = await page.evaluate(() => performance.now());
    await builder.locator('select[name="x"]').selectOption('answer');
    changeX.push(await drawn(page, 'distribution of answer', t0));
    t0 = await page.evaluate(() => performance.now());
    await builder.locator('select[name="mark"]').selectOption('bar');
    await builder.locator('select[name="x"]').selectOption('item_no');
    await builder.locator('select[name="y"]').selectOption('answer');
    await builder.locator('select[name="aggregate"]').selectOption('mean');
    mean.push(await drawn(page, 'mean of answer by item_no', t0));
    await page.context().close();
  }
  const result = { table: 'papi.answers', rows: 90_000, runs: RUNS, permalinkToChartMs: summary(open), changeXMs: summary(changeX), meanBarMs: summary(mean) };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'builder.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`builder: papi.answers (90,000 rows) histogram permalink to chart ${result.permalinkToChartMs.median} ms (median of ${RUNS}, max ${result.permalinkToChartMs.max})`);
  console.log(`builder: another x column ${result.changeXMs.median} ms; a mean bar chart over every row ${result.meanBarMs.median} ms (medians)`);
} finally {
  await site.close();
}
