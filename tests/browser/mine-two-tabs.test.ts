// Two tabs of #/mine share the browser's IndexedDB: a file uploaded in one tab under a name the other
// tab already stored takes the next free name, and the first tab's stored upload survives a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newSession, waitForDb, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
  s = await newSession();
});
afterAll(async () => {
  await s.close();
});

async function upload(page: Page, text: string): Promise<string> {
  await page.locator('[data-file-input]').setInputFiles({ name: 'same.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const ok = page.locator('[data-upload-ok]');
  await expect.poll(() => ok.count(), { timeout: 60_000 }).toBe(1);
  return ok.innerText();
}

async function query(page: Page, sql: string): Promise<string[]> {
  const root = page.locator('[data-sql-box]');
  await root.locator('textarea').fill(sql);
  await root.getByRole('button', { name: 'Run', exact: true }).click();
  const result = root.locator('[data-sql-result]');
  await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
  return result.locator('tbody td').allInnerTexts();
}

describe('two tabs', () => {
  it("never overwrites the other tab's stored upload of the same name", async () => {
    const a = s.page;
    const b = await s.context.newPage();
    await s.open('#/mine');
    await b.goto(a.url());
    await waitForDb(a);
    await waitForDb(b);
    expect(await upload(a, 'model,metric,value\ntabA,acc,1\n')).toMatch(/as mine\.same:/);
    expect(await upload(b, 'model,metric,value\ntabB,acc,2\n')).toMatch(/as mine\.same_2:/);
    await a.reload();
    await waitForDb(a);
    expect(await query(a, "select (select string_agg(model, ',') from mine.same) || '|' || (select string_agg(model, ',') from mine.same_2) as r")).toEqual([
      'tabA|tabB',
    ]);
    s.assertClean();
  });
});
