// A console result opened in the table browser and the chart builder (#/sql/result?sql=…): facets,
// sort and chart live in the URL so a reload reproduces them; the chart's embed URL renders inside an
// iframe on a second origin; a linked query that reads an outside URL waits for a go-ahead on the
// site and is refused outright in an embed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.ts';
import { builtCatalog, builtTableRows, downloaded, isLocal, newSession, siteOrigin, siteUrl, waitForDb, type Session, settledTotal } from './harness.ts';

const gym = builtCatalog().benchmarks.find((b) => b.id === 'personagym');
const scoresTable = gym?.tables.find((t) => t.name === 'scores');
const SQL = 'SELECT model, task, score FROM personagym.scores';
const OUTSIDE = "SELECT * FROM read_csv('https://example.com/data.csv')";

let s: Session;
beforeAll(async () => {
  s = await newSession();
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});


/** Runs SQL in the console and waits for its result. */
async function runInConsole(sql: string): Promise<void> {
  await s.open('#/sql');
  const editor = s.page.locator('[data-sql-editor] .cm-content');
  await editor.waitFor();
  await editor.fill(sql);
  await s.page.keyboard.press('Escape'); // close the completion list, if open
  await editor.press('Control+Enter');
  await expect.poll(() => s.page.locator('[data-sql-summary]').count(), { timeout: 60_000 }).toBe(1);
}

function hashQuery(): URLSearchParams {
  return new URLSearchParams(new URL(s.page.url()).hash.split('?')[1] ?? '');
}

describe.skipIf(!scoresTable)('console results as pages', () => {
  const rows = builtTableRows(scoresTable!.file) as { model: string; task: string; score: number }[];
  const models = new Set(rows.map((r) => r.model)).size;
  const task = rows[0].task;
  const ofTask = rows.filter((r) => r.task === task);

  it('opens a result in the table browser; facet and sort survive a reload', async () => {
    await runInConsole(SQL);
    await s.page.locator('[data-open-browser]').click();
    await s.page.locator('[data-result-page]').waitFor();
    expect(hashQuery().get('sql')).toBe(SQL);
    expect(await settledTotal(s.page)).toBe(rows.length);

    await s.page.locator(`[data-facet="task"] button[data-value="${task}"]`).click();
    await s.page.locator('th[data-column="score"] button').click();
    await s.page.locator('th[data-column="score"] button').click();
    await expect.poll(() => settledTotal(s.page)).toBe(ofTask.length);
    expect(hashQuery().getAll('facet.task')).toEqual([task]);
    expect(hashQuery().get('sort')).toBe('-score');

    await s.page.reload();
    await waitForDb(s.page);
    expect(await settledTotal(s.page)).toBe(ofTask.length);
    expect(await s.page.locator(`[data-facet="task"] button[data-value="${task}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await s.page.locator('th[data-column="score"]').getAttribute('aria-sort')).toBe('descending');
    const top = Math.max(...ofTask.map((r) => r.score));
    expect(Number(await s.page.locator('[data-row-index="0"] td[data-column="score"]').innerText())).toBeCloseTo(top, 3);
  });

  it('charts a result from its column types; the chart survives a reload', async () => {
    await runInConsole(SQL);
    await s.page.locator('[data-chart-result]').click();
    const builder = s.page.locator('[data-chart-builder]');
    const svg = builder.locator('[data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    // Two text columns and a number: a heatmap of the mean score, one cell per model and task.
    const pairs = new Set(rows.map((r) => `${r.model}\u0000${r.task}`)).size;
    expect(await svg.locator('g[data-mark="cell"] rect').count()).toBe(pairs);
    expect(hashQuery().get('chart.mark')).toBe('heatmap');
    expect(hashQuery().has('chart')).toBe(false);

    await builder.locator('select[name="color"]').selectOption('');
    await builder.locator('select[name="x"]').selectOption('model');
    await builder.locator('select[name="y"]').selectOption('score');
    await builder.locator('select[name="mark"]').selectOption('bar');
    await builder.locator('select[name="sort"]').selectOption('value-desc');
    await expect.poll(() => svg.locator('g[data-mark="bar"] rect').count()).toBe(models);
    expect(await svg.locator('[data-source-line]').first().textContent()).toContain('personagym.scores');

    await s.page.reload();
    await waitForDb(s.page);
    await svg.waitFor({ timeout: 60_000 });
    expect(await svg.locator('g[data-mark="bar"] rect').count()).toBe(models);
    expect(Object.fromEntries([...hashQuery()].filter(([k]) => k.startsWith('chart.') || k === 'sql'))).toEqual({
      sql: SQL,
      'chart.mark': 'bar',
      'chart.x': 'model',
      'chart.y': 'score',
      'chart.aggregate': 'mean',
      'chart.sort': 'value-desc',
    });
  });

  it('renders the chart’s embed inside an iframe on another origin, with a link back', async () => {
    await s.page.locator('[data-copy-embed]').click();
    const embed = await s.page.locator('[data-embed-url]').getAttribute('href');
    const permalink = await s.page.locator('[data-chart-permalink]').getAttribute('href');
    expect(await s.page.locator('[data-embed-code]').inputValue()).toContain(`src="${embed!.replaceAll('&', '&amp;')}"`);
    expect(new URL(embed!).pathname).toBe(new URL('embed.html', siteUrl).pathname);

    // A second local origin: another port on 127.0.0.1 serving a host page with the iframe.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embed-host-'));
    fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html><title>Host</title><iframe src="${embed!.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" width="700" height="600"></iframe>`);
    const viewer = await newSession({ width: 800 });
    const host = await serveStatic(dir);
    try {
      const hostOrigin = new URL(host.url).origin;
      await viewer.context.route(`${hostOrigin}/**`, (route) => route.continue());
      await viewer.page.goto(`${hostOrigin}/host.html`);
      const frame = viewer.page.frameLocator('iframe');
      await frame.locator('#embed[data-embed-ready="builder-bar"]').waitFor({ timeout: 90_000 });
      const svg = frame.locator('#embed svg');
      expect(await svg.locator('g[data-mark="bar"] rect').count()).toBe(models);
      const source = await svg.locator('[data-source-line]').first().textContent();
      expect(source).toContain(`Source: ${gym!.short}, personagym.scores`);
      expect(source).toContain(`licence ${gym!.license.spdx}`);
      const back = frame.getByRole('link', { name: /on Personascope/ });
      expect(await back.getAttribute('href')).toBe(permalink);
      expect(permalink!.startsWith(new URL('#/sql/result?', siteUrl).toString())).toBe(true);
      // Only the chart: no app shell, no SQL console, no scorer.
      expect(await frame.locator('textarea, .site-header, [data-sql-editor]').count()).toBe(0);
      expect(viewer.requests.filter((u) => !u.startsWith(siteOrigin) && !u.startsWith(hostOrigin))).toEqual([]);
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.close();
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!scoresTable)('a result page’s filtered rows', () => {
  const rows = builtTableRows(scoresTable!.file) as { model: string; task: string; score: number }[];
  const task = rows[0].task;
  const ofTask = rows.filter((r) => r.task === task);
  const models = new Set(ofTask.map((r) => r.model)).size;
  const chart = 'chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean&chart.sort=none';

  it('are named with their sources, licence and citation, downloaded as filtered, charted and embedded as kept', async () => {
    await s.open(`#/sql/result?sql=${encodeURIComponent(SQL)}&facet.task=${encodeURIComponent(task)}&${chart}`);
    await expect.poll(() => settledTotal(s.page), { timeout: 60_000 }).toBe(ofTask.length);
    const sources = s.page.locator('[data-result-sources]');
    expect(await sources.innerText()).toContain('personagym.scores');
    expect(await sources.innerText()).toContain(gym!.short);
    expect(await sources.innerText()).toContain(gym!.license.spdx!);
    await sources.locator('[data-combined-bibtex] summary').click();
    expect(await sources.locator('[data-combined-bibtex]').innerText()).toContain(gym!.bibtex.trim().split('\n')[0]);

    const menu = s.page.locator('[data-download-menu]').first();
    await menu.locator('summary').click();
    const [download] = await Promise.all([s.page.waitForEvent('download'), menu.locator('[data-format="csv"]').click()]);
    const csv = await downloaded(download);
    expect(csv.name).toBe(`query.filtered__personagym__${gym!.license.spdx}.csv`);
    const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('model,task,score');
    expect(lines).toHaveLength(ofTask.length + 1);

    // The chart is of the kept rows only, says so, and its embed draws the same rows.
    const builder = s.page.locator('[data-chart-builder]');
    const svg = builder.locator('[data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    await expect.poll(() => svg.locator('g[data-mark="bar"] rect').count()).toBe(models);
    expect(await svg.textContent()).toContain(task);
    await builder.locator('[data-copy-embed]').click();
    const embed = await s.page.locator('[data-embed-url]').getAttribute('href');
    const permalink = await s.page.locator('[data-chart-permalink]').getAttribute('href');
    expect(new URL(embed!).searchParams.getAll('facet.task')).toEqual([task]);
    expect(new URLSearchParams(new URL(permalink!).hash.split('?')[1]).getAll('facet.task')).toEqual([task]);
    await s.page.goto(embed!);
    await s.page.locator('#embed[data-embed-ready="builder-bar"]').waitFor({ timeout: 90_000 });
    expect(await s.page.locator('#embed svg g[data-mark="bar"] rect').count()).toBe(models);
    expect(await s.page.locator('#embed svg').textContent()).toContain(task);
  });

  it('keep the embed code shown in step with the filters', async () => {
    const other = rows.find((r) => r.task !== task)!.task;
    await s.open(`#/sql/result?sql=${encodeURIComponent(SQL)}&facet.task=${encodeURIComponent(task)}&${chart}`);
    const builder = s.page.locator('[data-chart-builder]');
    await builder.locator('[data-chart-svg] svg').waitFor({ timeout: 60_000 });
    await builder.locator('[data-copy-embed]').click();
    const facets = async () => new URL((await s.page.locator('[data-embed-url]').getAttribute('href'))!).searchParams.getAll('facet.task');
    await expect.poll(facets).toEqual([task]);
    await s.page.locator(`[data-facet="task"] button[data-value="${other}"]`).click();
    await expect.poll(facets, { timeout: 30_000 }).toEqual([task, other].sort());
    expect(await s.page.locator('[data-embed-code]').inputValue()).toContain(encodeURIComponent(other).replace(/%20/g, '+'));
  });
});

describe.skipIf(!scoresTable)('builder charts of catalog tables', () => {
  it('embed with their table’s source line and link back to the table page holding the chart', async () => {
    const rows = builtTableRows(scoresTable!.file) as { model: string }[];
    await s.open('#/b/personagym/scores?chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean');
    const builder = s.page.locator('[data-chart-builder]');
    await builder.locator('[data-chart-svg] svg').waitFor({ timeout: 60_000 });
    await builder.locator('[data-copy-embed]').click();
    const embed = await s.page.locator('[data-embed-url]').getAttribute('href');
    const permalink = await s.page.locator('[data-chart-permalink]').getAttribute('href');
    expect(new URL(embed!).searchParams.get('table')).toBe('scores');
    await s.page.goto(embed!);
    await s.page.locator('#embed[data-embed-ready="builder-bar"]').waitFor({ timeout: 90_000 });
    const svg = s.page.locator('#embed svg');
    expect(await svg.locator('g[data-mark="bar"] rect').count()).toBe(new Set(rows.map((r) => r.model)).size);
    expect(await svg.locator('[data-source-line]').first().textContent()).toContain(`Source: ${gym!.short}, personagym.scores · licence ${gym!.license.spdx}`);
    expect(await s.page.getByRole('link', { name: /on Personascope/ }).getAttribute('href')).toBe(permalink);
    expect(permalink).toBe(new URL('#/b/personagym/scores?chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean&chart.sort=none', siteUrl).toString());
  });
});

describe('queries that read outside the site', () => {
  it('wait for a go-ahead on the result page; declining sends nothing', async () => {
    await s.open(`#/sql/result?sql=${encodeURIComponent(OUTSIDE)}&chart=open`);
    await s.page.reload(); // a fresh load, as from a shared link
    const dialog = s.page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('https://example.com/data.csv');
    await dialog.getByRole('button', { name: "Don't run" }).click();
    await expect.poll(() => s.page.locator('[data-result-page]').innerText()).toContain('Not run');
    expect(await s.page.locator('[data-table-browser], [data-chart-builder]').count()).toBe(0);
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('are refused with a message in an embed', async () => {
    const url = new URL('embed.html', siteUrl);
    url.searchParams.set('sql', OUTSIDE);
    for (const [k, v] of Object.entries({ 'chart.mark': 'bar', 'chart.x': 'a', 'chart.y': 'b' })) url.searchParams.set(k, v);
    await s.page.goto(url.toString());
    const alert = s.page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toContain('reads from outside Personascope (https://example.com/data.csv)');
    expect(await s.page.locator('#embed svg').count()).toBe(0);
    expect(s.requests.filter((u) => !isLocal(u))).toEqual([]);
  });

  it('and a linked statement that is not a single query is refused on the result page', async () => {
    await s.open(`#/sql/result?sql=${encodeURIComponent('SELECT 1; DROP TABLE main.results')}`);
    await s.page.reload();
    await expect.poll(() => s.page.locator('[data-result-problem]').textContent()).toContain('Only a single query');
  });
});
