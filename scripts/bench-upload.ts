// `npm run bench` (last step): loading your own data at scale. Generates a results CSV of
// BENCH_UPLOAD_ROWS rows (default 1,000,000), uploads it on #/mine in headless Chromium and measures:
//   - upload → table ready (read in the worker, checked, read_csv by DuckDB-WASM, stored in IndexedDB)
//   - a reload with the upload kept: DuckDB ready (the table rebuilt from IndexedDB) vs. the same
//     page before any upload
//   - one aggregate over main.results_all (released + the uploaded rows) through the SQL box
// Writes bench-results/upload.json. Not a test: it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBenchSite } from './bench-site.ts';
import { deleteOnMine, UPLOAD_ROWS as ROWS, uploadOnMine, writeResultsCsv } from './bench-upload-data.ts';

const TIMEOUT = 600_000;

async function dbReadyMs(page: Page): Promise<number> {
  await page.waitForSelector('[data-db-state="ready"]', { timeout: TIMEOUT });
  return page.evaluate(() => performance.now());
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
const csv = path.join(dir, 'bench_results.csv');
const bytes = writeResultsCsv(csv, ROWS);
console.log(`generated ${ROWS.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB`);

const site = await openBenchSite();
try {
  const page = await site.newPage();
  await page.goto(`${site.url}#/mine`);
  const readyBeforeMs = await dbReadyMs(page);

  const { ms: uploadMs, message: outcome, qualified } = await uploadOnMine(page, csv, TIMEOUT);

  const box = page.locator('[data-sql-box]');
  await box.locator('textarea').fill('select is_mine, count(*) as n, avg(value) as mean from main.results_all group by is_mine order by is_mine');
  const q0 = Date.now();
  await box.getByRole('button', { name: 'Run', exact: true }).click();
  await box.locator('[data-sql-result]').waitFor({ timeout: TIMEOUT });
  const aggregateMs = Date.now() - q0;
  const counts = await box.locator('[data-sql-result] tbody').innerText();

  await page.reload();
  const readyAfterMs = await dbReadyMs(page);
  if (qualified) await deleteOnMine(page, qualified, TIMEOUT);
  await page.context().close();

  const result = {
    rows: ROWS,
    fileBytes: bytes,
    uploadMs,
    outcome,
    aggregateOverResultsAllMs: aggregateMs,
    aggregateResult: counts,
    dbReadyWithoutUploadMs: Math.round(readyBeforeMs),
    dbReadyWithUploadRestoredMs: Math.round(readyAfterMs),
    browser: site.browser.version(),
    cores: os.cpus().length,
    measuredAt: new Date().toISOString(),
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/upload.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`upload of ${(bytes / 1e6).toFixed(1)} MB (${ROWS.toLocaleString('en-US')} rows): ${(uploadMs / 1000).toFixed(1)} s → ${outcome}`);
  console.log(`aggregate over main.results_all: ${aggregateMs} ms`);
  console.log(`DuckDB ready: ${result.dbReadyWithoutUploadMs} ms without uploads, ${result.dbReadyWithUploadRestoredMs} ms with it restored`);
} finally {
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
