// The Score page in two tabs of one browser: a batch still being scored in the first tab is shown
// in the second as running there (no resume, no discard, no delete), and the second tab shows it as
// left once the first one stops. Fixture models from a local hub, as in score.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubServer } from '../../scripts/hub-server.ts';
import type { Session } from './harness.ts';
import { closeHubSession, openHubSession } from './hub-session.ts';

let hub: HubServer;
let s: Session;

beforeAll(async () => ({ hub, s } = await openHubSession()));
afterAll(() => closeHubSession({ hub, s }));

/** Rows scored so far, from the progress panel. */
const rowsScored = async (page: Page) => Number(/^([\d,]+) of/.exec(await page.locator('[data-progress-text]').innerText())?.[1].replace(/,/g, '') ?? -1);

// Enough rows, each its own text (repeats are scored once), that the batch is still running when
// the second tab opens; the test cancels it. r1 is longer than the models read, so it has warnings.
function bigBatch(): string {
  const lines = ['id,persona,question,response'];
  for (let i = 1; i <= 1000; i++) lines.push(`r${i},"I love jazz. I like cats.",Do you like jazz?,"${i === 1 ? 'I love jazz and hiking. '.repeat(40) : ''}Yes, I love jazz (reply ${i})."`);
  return lines.join('\n') + '\n';
}

describe('two tabs of one browser', () => {
  it('shows a batch scored in the other tab as running there, and offers resume and discard only once it stops', async () => {
    const tab1 = s.page;
    await s.open('#/score?input=file');
    await tab1.locator('[data-scorer-settings] > summary').click();
    await tab1.locator('[data-mirror-url]').fill(hub.url);
    await tab1.locator('[data-apply-mirror]').click();
    await tab1.locator('[data-file-input]').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(bigBatch()) });
    await expect.poll(() => tab1.locator('[data-batch-summary]').innerText(), { timeout: 60_000 }).toMatch(/1,000 rows can be scored/);
    await tab1.locator('[data-score-file]').click();
    await expect.poll(() => rowsScored(tab1), { timeout: 90_000 }).toBeGreaterThanOrEqual(5);

    const tab2 = await s.context.newPage();
    tab2.on('pageerror', (err) => s.errors.push(`tab 2 page error: ${err.message}`));
    await tab2.goto(tab1.url());
    const there = tab2.locator('[data-running-elsewhere]');
    await expect.poll(() => there.count(), { timeout: 30_000 }).toBe(1);
    expect(await there.innerText()).toMatch(/“long\.csv” is being scored in another tab of this browser/);
    expect(await tab2.locator('[data-interrupted]').count()).toBe(0);
    expect(await tab2.getByRole('button', { name: 'Delete this batch' }).isDisabled()).toBe(true);
    // Tab 1 goes on meanwhile.
    const seen = await rowsScored(tab1);
    await expect.poll(() => rowsScored(tab1), { timeout: 60_000 }).toBeGreaterThan(seen);

    // Stopped in tab 1: tab 2 now offers to resume or discard it, with the rows scored there.
    await tab1.locator('[data-cancel]').click();
    await expect.poll(() => tab1.locator('[data-run-phase]').getAttribute('data-run-phase'), { timeout: 60_000 }).toBe('cancelled');
    const kept = await rowsScored(tab1);
    await expect.poll(() => tab2.locator('[data-interrupted]').count(), { timeout: 30_000 }).toBe(1);
    expect(await there.count()).toBe(0);
    await expect.poll(() => tab2.locator('[data-results] p.muted').first().innerText(), { timeout: 30_000 }).toMatch(new RegExp(`^${kept.toLocaleString('en-US')} responses scored of 1,000`));
    expect(await tab2.getByRole('button', { name: 'Delete this batch' }).isDisabled()).toBe(false);
    await tab2.close();
  });
});

describe("a row's warnings", () => {
  it('are read with the row, not only in the mark’s tooltip', async () => {
    const cell = s.page.locator('[data-row="r1"] td').first();
    await cell.waitFor({ timeout: 30_000 });
    expect(await cell.getAttribute('title')).toBeNull();
    expect(await s.page.getByRole('cell', { name: /^r1 \(warnings?: line 2 \(id r1\): text longer than .* was cut to fit/ }).count()).toBe(1);
    // The ⚠ itself is decoration for screen readers.
    expect(await cell.locator('.warn-mark').getAttribute('aria-hidden')).toBe('true');
  });
});
