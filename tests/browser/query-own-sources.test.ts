// A query on the visitor's own rows (an upload whose rows name personagym) is not credited to
// PersonaGym: the result page's "Data from", its chart's source line, and the console's "Data from"
// and download name the upload as theirs with no licence claimed. Its embed, in a browser without the
// upload, says the query reads someone's own tables instead of failing on a missing table.
import { describe, expect, it } from 'vitest';
import type { BuilderState } from '../../src/lib/charts/builder.ts';
import { embedUrl } from '../../src/lib/charts/embed-url.ts';
import { EMPTY_TABLE_STATE } from '../../src/lib/state/url-state.ts';
import { downloaded, fileSession, newSession, siteUrl } from './harness.ts';

const s = fileSession({ start: '#/mine' });
const SQL = 'select * from mine.gym';
const BAR: BuilderState = { mark: 'bar', x: 'model', y: 'value', color: '', facet: '', aggregate: 'none', sort: 'none' };
const chart = 'chart.mark=bar&chart.x=model&chart.y=value&chart.aggregate=none&chart.sort=none';

/** What "Data from" says, with no PersonaGym, MIT or citation for the upload's rows. */
async function expectOwnSources(): Promise<void> {
  const sources = s.page.locator('[data-result-sources]');
  await expect.poll(() => sources.locator('[data-own-sources]').count(), { timeout: 60_000 }).toBe(1);
  const text = await sources.innerText();
  expect(text).toMatch(/Your data: mine\.gym — kept in this browser; no licence is claimed for it/);
  expect(text).not.toMatch(/PersonaGym|MIT/);
  expect(await sources.locator('[data-combined-bibtex]').count()).toBe(0);
}

describe('a query on an upload whose rows name a released benchmark', () => {
  it('is named as your data on the result page and in its chart’s source line', async () => {
    await s.page.locator('[data-file-input]').setInputFiles({
      name: 'gym.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('model,benchmark,metric,subset,value\nmy-agent,personagym,score,PersonaScore,4.9\nGPT-4o,personagym,score,PersonaScore,1.0\n'),
    });
    await expect.poll(() => s.page.locator('[data-user-table="mine.gym"]').count(), { timeout: 60_000 }).toBe(1);

    await s.open(`#/sql/result?sql=${encodeURIComponent(SQL)}&${chart}`);
    const svg = s.page.locator('[data-chart-builder] [data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    const source = (await svg.locator('[data-source-line]').allTextContents()).join(' ');
    expect(source).toContain('your data (mine.gym)');
    expect(source).not.toMatch(/PersonaGym|MIT/);
    await expectOwnSources();
  });

  it('is named as your data in the console, and its download is too', async () => {
    await s.open(`#/sql?${new URLSearchParams({ q: SQL })}`);
    await s.page.locator('[data-result-sources]').waitFor({ timeout: 60_000 });
    const menu = s.page.locator('[data-download-menu]').first();
    await menu.locator('summary').click();
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), menu.locator('[data-format="csv"]').click()]);
    expect((await downloaded(download)).name).toBe('query__mine.gym__your-data.csv');
    await expectOwnSources();
  });

  it('embedded, says in a fresh browser that it reads someone’s own tables', async () => {
    const fresh = await newSession();
    try {
      await fresh.page.goto(embedUrl(siteUrl, { kind: 'query', sql: SQL, state: BAR, filters: EMPTY_TABLE_STATE }, 'light'));
      const alert = fresh.page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/reads tables someone added in their own browser \(mine\.…\): they cannot be shown elsewhere/);
      expect(await alert.textContent()).not.toMatch(/Catalog Error|does not exist/);
      expect(await fresh.page.locator('#embed svg').count()).toBe(0);
      fresh.assertClean();
    } finally {
      await fresh.close();
    }
  });
});
