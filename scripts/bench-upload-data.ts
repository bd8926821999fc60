// The upload benches' data and the steps they share on #/mine: a generated results CSV of any size, its
// upload through the file input, and deleting the table afterwards so the browser profile is left clean.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** Rows in the generated results file: BENCH_UPLOAD_ROWS, default 1,000,000. */
export const UPLOAD_ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 1_000_000);

/**
 * Writes `rows` rows of model,benchmark,metric,subset,value (97 models, 4 benchmarks, 13 metrics,
 * 101 subsets, values 0–100) to `file`; returns its size in bytes.
 */
export function writeResultsCsv(file: string, rows: number): number {
  const out = fs.openSync(file, 'w');
  const benchmarks = ['personagym', 'personamem', 'personabench', 'spp'];
  let chunk = 'model,benchmark,metric,subset,value\n';
  for (let i = 0; i < rows; i++) {
    chunk += `my-model-${i % 97},${benchmarks[i % 4]},metric_${i % 13},subset_${i % 101},${((i * 7919) % 10007) / 100}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return fs.statSync(file).size;
}

export interface UploadOutcome {
  ms: number;
  /** The page's message, success or error. */
  message: string;
  /** "mine.<name>" of the new table, or null when the upload failed. */
  qualified: string | null;
}

/** On #/mine with DuckDB ready: uploads `file` and waits for the page's verdict. */
export async function uploadOnMine(page: Page, file: string, timeoutMs: number): Promise<UploadOutcome> {
  const t0 = Date.now();
  await page.locator('[data-file-input]').setInputFiles(file);
  await page.waitForSelector('[data-upload-ok], [data-upload-error]', { timeout: timeoutMs });
  const ms = Date.now() - t0;
  const message = await page.locator('[data-upload-ok], [data-upload-error]').innerText();
  const ok = (await page.locator('[data-upload-ok]').count()) > 0;
  const qualified = ok ? await page.locator('article[data-user-table]').first().getAttribute('data-user-table') : null;
  return { ms, message, qualified };
}

/** On #/mine: deletes the user table through its card (leaves nothing behind in the profile). */
export async function deleteOnMine(page: Page, qualified: string, timeoutMs: number): Promise<void> {
  const card = page.locator(`article[data-user-table="${qualified}"]`);
  await card.waitFor({ timeout: timeoutMs });
  await card.getByRole('button', { name: `Delete ${qualified}` }).click();
  await card.getByRole('button', { name: 'Delete', exact: true }).click();
}
