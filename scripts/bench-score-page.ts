// Part of `npm run bench`: the Score page with a large batch file. Uploads a CSV of
// BENCH_SCORE_PAGE_ROWS rows (default 3,000; two personas, four models) in headless Chromium, scores
// it on the fixture models (served by the hub stand-in, so the models cost next to nothing and the
// page's own work shows), and records every long task (over 50 ms) on the main thread from the
// click on Score until the results, their charts and mine.scores are in place. The target: none.
// Writes bench-results/score-page.json. Not a test: it asserts nothing.
import fs from 'node:fs';
import { serveFixtureHub } from '../tests/fixtures/models/stand-ins.ts';
import { openBenchSite } from './bench-site.ts';

const ROWS = Number(process.env.BENCH_SCORE_PAGE_ROWS ?? 3000);
const PERSONAS = ['I love jazz. I have two cats. I never drink coffee.', 'I am a nurse from Lyon. I run marathons. I hate spicy food.'];

function batchCsv(rows: number): string {
  const lines = ['id,model,persona,question,response'];
  for (let i = 0; i < rows; i++) {
    const response = i % 3 ? `I adore jazz and tea, every day (${i}).` : `You are a stupid idiot, I drink coffee (${i}).`;
    lines.push(`r${i},model-${i % 4},"${PERSONAS[i % 2]}",Question ${i % 25}?,"${response}"`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const hub = await serveFixtureHub();
  const site = await openBenchSite();
  try {
    const page = await site.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: [number, number][] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${site.url}#/score?input=file`);
    await page.locator('[data-scorer-settings] > summary').click();
    await page.locator('[data-mirror-url]').fill(hub.url);
    await page.locator('[data-apply-mirror]').click();
    await page.locator('[data-scorer-settings] > summary').click();
    await page.locator('[data-file-input]').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: Buffer.from(batchCsv(ROWS)) });
    await page.waitForSelector('[data-score-file]:not([disabled])', { timeout: 120_000 });
    const startedAt = await page.evaluate(() => performance.now());
    await page.locator('[data-score-file]').click();
    await page.waitForFunction(
      (n) => document.querySelector('[data-progress-text]')?.textContent?.trim().startsWith(`${n.toLocaleString('en-US')} of`) ?? false,
      ROWS,
      { timeout: 1_800_000, polling: 500 },
    );
    const scoredAt = await page.evaluate(() => performance.now());
    await page.waitForSelector('[data-score-message]', { timeout: 300_000 });
    // The charts are drawn once the batch stops: give them time to appear.
    await page.locator('[data-results] [data-chart-svg] svg').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    const doneAt = await page.evaluate(() => performance.now());
    const longTasks = (await page.evaluate(() => (window as unknown as { longTasks: [number, number][] }).longTasks))
      .filter(([start]) => start >= startedAt)
      .map(([start, duration]) => ({ atMs: Math.round(start - startedAt), durationMs: Math.round(duration), during: start < scoredAt ? 'scoring' : 'after: results, charts, mine.scores' }));
    const result = {
      what: 'Score page, batch file on the fixture models: main-thread long tasks (> 50 ms) from the click on Score until results, charts and mine.scores are in place',
      rows: ROWS,
      scoringSeconds: (scoredAt - startedAt) / 1000,
      rowsPerSecond: ROWS / ((scoredAt - startedAt) / 1000),
      untilDoneSeconds: (doneAt - startedAt) / 1000,
      longTasks,
      message: await page.locator('[data-score-message]').innerText(),
    };
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync('bench-results/score-page.json', JSON.stringify(result, null, 2));
    console.log(`score page: ${ROWS} rows scored in ${result.scoringSeconds.toFixed(1)} s (${result.rowsPerSecond.toFixed(0)} rows/s on the fixture models), done after ${result.untilDoneSeconds.toFixed(1)} s`);
    console.log(`main-thread long tasks: ${longTasks.length ? longTasks.map((t) => `${t.durationMs} ms at ${t.atMs} ms (${t.during})`).join('; ') : 'none'}`);
  } finally {
    await site.close();
    await hub.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
