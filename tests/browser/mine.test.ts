// Your own data: upload a results CSV (it shows under "Your data" and its rows reach main.results_all
// through the SQL box), a broken JSON-lines file (the message names the line), reload keeps the
// upload, delete removes it; open by URL from a second origin (simulated locally), with its failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCatalog, builtTableRows, isLocal, newSession, waitForDb, type Session } from './harness.ts';

const results = builtCatalog().shared.find((t) => t.qualified === 'main.results')!;
const released = builtTableRows(results.file) as { benchmark: string; metric: string; subset: string }[];
const { benchmark, metric } = released[0];
const OTHER = 'http://other-origin.localhost:8123';

let s: Session;
beforeAll(async () => {
  s = await newSession();
});
afterAll(async () => {
  // The only requests off the site are the test's own "other origin" (answered inside the browser).
  expect(s.requests.filter((u) => !isLocal(u) && !u.startsWith(OTHER))).toEqual([]);
  expect(s.errors.filter((e) => !/Failed to load resource|CORS|other-origin/.test(e))).toEqual([]);
  await s.close();
});

function sqlBox() {
  const root = s.page.locator('[data-sql-box]');
  return { input: root.locator('textarea'), run: root.getByRole('button', { name: 'Run', exact: true }), result: root.locator('[data-sql-result]') };
}

async function upload(name: string, text: string, mimeType = 'text/csv'): Promise<void> {
  await s.page.locator('[data-file-input]').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

async function myRows(): Promise<string[]> {
  const sql = sqlBox();
  await sql.input.fill("select model || ' ' || value as r from main.results_all where is_mine order by r");
  await sql.run.click();
  await expect.poll(() => sql.result.count(), { timeout: 60_000 }).toBe(1);
  return sql.result.locator('tbody td').allInnerTexts();
}

describe('your data', () => {
  const csv = `model,benchmark,metric,value\nmy-agent,${benchmark},${metric},4.5\nmy-agent,${benchmark},${metric}-2,3.25\n`;

  it('uploads a results CSV: a mine table, under Your data, its rows in main.results_all', async () => {
    await s.open('#/mine');
    await waitForDb(s.page);
    await upload('My Results.csv', csv);
    await expect.poll(() => s.page.locator('[data-upload-ok]').innerText(), { timeout: 60_000 }).toMatch(
      /Loaded My Results\.csv as mine\.my_results: 2 rows, 4 columns\. Its rows join the leaderboards as yours\./,
    );
    const card = s.page.locator('[data-user-table="mine.my_results"]');
    expect(await card.locator('[data-joined]').count()).toBe(1);
    expect(await myRows()).toEqual(['my-agent 3.25', 'my-agent 4.5']);
  });

  it('names the broken line of a JSON-lines file and changes nothing else', async () => {
    await upload('broken.jsonl', '{"model":"a","value":1}\n{"model":"b","value":2}\n{"model":"c",}\n', 'application/x-ndjson');
    const error = s.page.locator('[data-upload-error]');
    await expect.poll(() => error.count(), { timeout: 60_000 }).toBe(1);
    expect(await error.innerText()).toMatch(/^broken\.jsonl: line 3 is not valid JSON \(column 14\)/);
    expect(await s.page.locator('[data-user-table]').count()).toBe(1);
  });

  it('keeps the upload across a reload, in the catalog and in SQL', async () => {
    await s.page.reload();
    await s.open('#/');
    const yours = s.page.locator('[data-your-data]');
    await expect.poll(() => yours.locator('[data-user-table="mine.my_results"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await yours.innerText()).toMatch(/My Results\.csv · CSV · 2 rows · 4 columns · in the leaderboards/);
    // It opens in the table browser like a released table.
    await yours.locator('a[href="#/mine/my_results"]').click();
    const browser = s.page.locator('[data-table-page="mine.my_results"]');
    await expect.poll(() => browser.innerText(), { timeout: 60_000 }).toMatch(/my-agent/);
    await s.open('#/mine');
    await waitForDb(s.page);
    expect(await myRows()).toEqual(['my-agent 3.25', 'my-agent 4.5']);
  });

  it('opens a file by URL, and says why when it cannot', async () => {
    await s.page.route(`${OTHER}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/ok/scores.csv')
        return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/csv' }, body: 'a,b\n1,x\n2,y\n' });
      // What the page sees of a CORS refusal or a network failure alike: the fetch rejects.
      if (path === '/unreachable.csv') return route.abort('failed');
      return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' });
    });
    const input = s.page.locator('[data-url-input]');
    const open = s.page.getByRole('button', { name: 'Open URL' });
    const error = s.page.locator('[data-upload-error]');

    await input.fill(`${OTHER}/missing.csv`);
    await open.click();
    await expect.poll(() => error.innerText(), { timeout: 30_000 }).toMatch(/answered HTTP 404.*no file at that address/);

    await input.fill(`${OTHER}/unreachable.csv`);
    await open.click();
    await expect.poll(() => error.innerText(), { timeout: 30_000 }).toMatch(/could not be reached or does not allow this site to read the file \(CORS\)/);

    await input.fill(`${OTHER}/ok/scores.csv`);
    await open.click();
    await expect.poll(() => s.page.locator('[data-upload-ok]').count(), { timeout: 60_000 }).toBe(1);
    expect(await s.page.locator('[data-user-table="mine.scores"]').innerText()).toContain(`${OTHER}/ok/scores.csv`);
  });

  it('deletes an upload, also after a reload', async () => {
    for (const name of ['mine.my_results', 'mine.scores']) {
      const card = s.page.locator(`[data-user-table="${name}"]`);
      await card.getByRole('button', { name: `Delete ${name}` }).click();
      await card.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => card.count()).toBe(0);
    }
    expect(await myRows()).toEqual([]);
    await s.page.reload();
    await waitForDb(s.page);
    expect(await s.page.locator('[data-no-user-tables]').count()).toBe(1);
  });
});
