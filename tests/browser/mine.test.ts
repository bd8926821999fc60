// Your own data: upload a results CSV (it shows under "Your data" and its rows reach main.results_all
// through the SQL box), a broken JSON-lines file (the message names the line), reload keeps the
// upload, delete removes it; an item-level upload's leaderboard shows bootstrap CIs and tie groups;
// open by URL from a second origin (simulated locally), with its failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_BOOTSTRAP, withIntervals } from '../../src/lib/explore/board-intervals.ts';
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

  it('shows 95% bootstrap CIs and tie groups on the leaderboard of an item-level upload', async () => {
    // 40 items per model: alpha right on 90%, beta on 50%, gamma on 40% (beta and gamma are not separable).
    const share: Record<string, number> = { alpha: 9, beta: 5, gamma: 4 };
    const items = Object.keys(share).flatMap((model) =>
      Array.from({ length: 40 }, (_, i) => ({ model, item: `q${i}`, value: i % 10 < share[model] ? 1 : 0 })),
    );
    await s.open('#/mine');
    await waitForDb(s.page);
    await upload('Items.csv', `model,metric,item,value\n${items.map((r) => `${r.model},accuracy,${r.item},${r.value}`).join('\n')}\n`);
    await expect.poll(() => s.page.locator('[data-user-table="mine.items"]').count(), { timeout: 60_000 }).toBe(1);

    await s.open(`#/leaderboard?${new URLSearchParams({ benchmark: 'mine:items', metric: 'accuracy', subset: '' })}`);
    const table = s.page.locator('[data-leaderboard]');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(3);
    const shown = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ model: tr.getAttribute('data-model-id'), items: Number(tr.getAttribute('data-items')), lo: Number(tr.getAttribute('data-ci-lo')), hi: Number(tr.getAttribute('data-ci-hi')), group: tr.getAttribute('data-tie-group') })),
    );
    // The same intervals as the shared code computes in Node from the same item values.
    const entry = (model: string) => ({ model, model_id: model, is_mine: true, upload: 'mine.items', items: 40, higher_is_better: true });
    const expected = withIntervals(['alpha', 'beta', 'gamma'].map(entry), items.map((r) => ({ ...entry(r.model), value: r.value })));
    expect(shown).toEqual(expected.rows.map((r) => ({ model: r.model, items: 40, lo: r.interval!.lo, hi: r.interval!.hi, group: r.interval!.tie_group })));
    expect(shown.map((r) => r.group)).toEqual(['A', 'B', 'B']);
    expect(await table.locator('thead').innerText()).toMatch(/95% CI[\s\S]*Tie group/);
    const note = await s.page.locator('[data-intervals]').innerText();
    expect(note).toContain(`${BOARD_BOOTSTRAP.resamples.toLocaleString('en-US')} resamples, seed ${BOARD_BOOTSTRAP.seed}`);

    // The chart: a dot, an interval and a tie-group letter per model, and the resamples under it.
    const svg = s.page.locator('[data-chart="leaderboard"] [data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    expect(await svg.locator('g[data-mark="dot"] circle').count()).toBe(3);
    expect(await svg.locator('g[data-mark="rule"] line').count()).toBe(3);
    expect(await svg.locator('g[data-mark="text"] text').allTextContents()).toEqual(expect.arrayContaining(['A', 'B', 'B']));
    expect((await svg.locator('[data-source-line]').allTextContents()).join(' ')).toContain('2,000 resamples, seed 1');

    // A released board has one aggregate per model: it says so and draws no intervals.
    await s.open(`#/leaderboard?${new URLSearchParams({ benchmark, metric, subset: released[0].subset })}`);
    await expect.poll(() => s.page.locator('[data-no-intervals]').count(), { timeout: 60_000 }).toBe(1);
    expect(await s.page.locator('[data-leaderboard] [data-tie-group]').count()).toBe(0);

    await s.open('#/mine');
    const card = s.page.locator('[data-user-table="mine.items"]');
    await card.getByRole('button', { name: 'Delete mine.items' }).click();
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
  });

  it('opens a file by URL, and says why when it cannot', async () => {
    await s.page.route(`${OTHER}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/ok/ratings.csv')
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
    // The earlier refusal stays (until dismissed): this one comes after it.
    await expect.poll(() => error.last().innerText(), { timeout: 30_000 }).toMatch(/could not be reached or does not allow this site to read the file \(CORS\)/);

    await input.fill(`${OTHER}/ok/ratings.csv`);
    await open.click();
    await expect.poll(() => s.page.locator('[data-upload-ok]').count(), { timeout: 60_000 }).toBe(1);
    expect(await s.page.locator('[data-user-table="mine.ratings"]').innerText()).toContain(`${OTHER}/ok/ratings.csv`);
  });

  it('deletes an upload, also after a reload', async () => {
    for (const name of ['mine.my_results', 'mine.ratings']) {
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

describe('the file reader unreachable', () => {
  it('says so instead of waiting forever, and reads the file once it can', async () => {
    const offline = await newSession();
    try {
      await offline.open('#/mine');
      await waitForDb(offline.page);
      // The reader worker starts with the first file; with the network gone its script cannot load.
      await offline.context.setOffline(true);
      await offline.page.locator('[data-file-input]').setInputFiles({ name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from('model,value\na,1\n') });
      const error = offline.page.locator('[data-upload-error]');
      await expect.poll(() => error.count(), { timeout: 30_000 }).toBe(1);
      expect(await error.innerText()).toMatch(/^late\.csv: the file reader stopped \(.*\); try again\./);
      await offline.context.setOffline(false);
      await offline.page.locator('[data-file-input]').setInputFiles({ name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from('model,value\na,1\n') });
      await expect.poll(() => offline.page.locator('[data-upload-ok]').count(), { timeout: 60_000 }).toBe(1);
    } finally {
      await offline.close();
    }
  });
});
