// `npm run bench` (after bench.ts): chart speed in headless Chromium on the production build (dist/, or $SITE_DIR).
//   - render time of a 10,000-mark scatter (spec → SVG in the page, style and layout forced); budget 200 ms
//   - vector PDF export of a typical chart (grouped bars, single column); budget 1 s
// Uses the chart test page (chart-fixtures.html). Writes bench-results/charts.json. Asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { openBenchSite } from './bench-site.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MARKS = 10_000;

interface Hooks {
  renderMs(n: number): number;
  pdfMs(): Promise<{ ms: number; bytes: number }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const site = await openBenchSite();
try {
  const page = await site.newPage();
  await page.goto(new URL('chart-fixtures.html', site.url).toString());
  await page.waitForSelector('#fixtures[data-ready]');
  // One warm-up of each: the first call also compiles the code paths.
  await page.evaluate((n) => (window as unknown as { __chartBench: Hooks }).__chartBench.renderMs(n), MARKS);
  await page.evaluate(() => (window as unknown as { __chartBench: Hooks }).__chartBench.pdfMs());
  const render: number[] = [];
  const pdf: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    render.push(await page.evaluate((n) => (window as unknown as { __chartBench: Hooks }).__chartBench.renderMs(n), MARKS));
    const r = await page.evaluate(() => (window as unknown as { __chartBench: Hooks }).__chartBench.pdfMs());
    pdf.push(r.ms);
    pdfBytes = r.bytes;
  }
  const result = {
    runs: RUNS,
    render10kMarksMs: { median: Math.round(median(render)), max: Math.round(Math.max(...render)), budget: 200 },
    pdfExportMs: { median: Math.round(median(pdf)), max: Math.round(Math.max(...pdf)), budget: 1000, bytes: pdfBytes },
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(path.join('bench-results', 'charts.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`charts: ${MARKS.toLocaleString('en-US')}-mark scatter renders in ${result.render10kMarksMs.median} ms (median of ${RUNS}, max ${result.render10kMarksMs.max}; budget 200 ms)`);
  console.log(`charts: vector PDF export of a typical chart in ${result.pdfExportMs.median} ms (median, max ${result.pdfExportMs.max}; budget 1000 ms), ${pdfBytes} bytes`);
} finally {
  await site.close();
}
