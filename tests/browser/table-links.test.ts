// Links into the table browser: an opened row and the column summary are in the URL (reload, Back and
// Forward keep them), and link parameters the browser cannot apply are named, not silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtCatalog, builtTableRows, newSession, settledTotal, waitForDb, type Session } from './harness.ts';

const gym = builtCatalog().benchmarks.find((b) => b.id === 'personagym');
const personas = gym?.tables.find((t) => t.name === 'personas');
const questions = gym?.tables.find((t) => t.name === 'questions');
const judgments = builtCatalog().benchmarks.find((b) => b.id === 'personalized-judge')?.tables.find((t) => t.name === 'judgments');

const query = (p: Page) => new URLSearchParams(new URL(p.url()).hash.split('?')[1] ?? '');
const panelHeading = (p: Page) => p.locator('[data-row-panel] h2').innerText();
const panelValue = (p: Page, column: string) =>
  p.locator('[data-row-panel] .fields div').filter({ has: p.locator(`dt code`, { hasText: new RegExp(`^${column}$`) }) }).locator('dd').innerText();

let s: Session;
beforeAll(async () => {
  s = await newSession();
  await s.open('#/');
  await s.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 });
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});

describe.skipIf(!personas || !questions)('table links', () => {
  it('puts an opened row in the URL: a reload opens the same row, Back closes it, Forward opens it again', async () => {
    const rows = builtTableRows(personas!.file) as { persona_id: number }[];
    await s.open('#/b/personagym/personas');
    const p = s.page;
    await settledTotal(p);
    await p.locator('[data-row-index="2"] button.open').click();
    await expect.poll(() => query(p).get('row')).toBe('3');
    expect(await panelHeading(p)).toBe('Row 3 of personas');
    expect(await panelValue(p, 'persona_id')).toBe(String(rows[2].persona_id));

    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-panel]').count(), { timeout: 30_000 }).toBe(1);
    expect(await panelHeading(p)).toBe('Row 3 of personas');
    expect(await panelValue(p, 'persona_id')).toBe(String(rows[2].persona_id));

    await p.goBack();
    await expect.poll(() => p.locator('[data-row-panel]').count()).toBe(0);
    expect(query(p).get('row')).toBeNull();
    await p.goForward();
    await expect.poll(() => p.locator('[data-row-panel]').count()).toBe(1);
    expect(await panelHeading(p)).toBe('Row 3 of personas');
  });

  it('names a row by its place in the table’s own order, so a sorted view’s link opens the same row', async () => {
    const rows = builtTableRows(questions!.file) as { question_index: number; question: string }[];
    await s.open('#/b/personagym/questions?sort=-question_index');
    const p = s.page;
    await settledTotal(p);
    const question = await p.locator('[data-row-index="0"] td[data-column="question"]').innerText();
    await p.locator('[data-row-index="0"] button.open').click();
    await expect.poll(() => query(p).get('row')).not.toBeNull();
    const n = Number(query(p).get('row'));
    const top = Math.max(...rows.map((r) => r.question_index));
    expect(rows.findIndex((r) => r.question_index === top) + 1).toBe(n);
    expect(await p.locator('[data-row-position]').innerText()).toContain('Shown as row 1;');

    // The same link with another sort still opens that row.
    await s.open(`#/b/personagym/questions?sort=question&row=${n}`);
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-panel]').count(), { timeout: 30_000 }).toBe(1);
    expect(await panelHeading(p)).toBe(`Row ${n.toLocaleString('en-US')} of questions`);
    expect(await panelValue(p, 'question')).toBe(question);
  });

  it('links a row of a console query opened in the table browser by its row number in the query', async () => {
    const sql = 'SELECT persona_id FROM personagym.personas ORDER BY persona_id DESC';
    await s.open(`#/sql/result?sql=${encodeURIComponent(sql)}`);
    const p = s.page;
    await settledTotal(p);
    const id = await p.locator('[data-row-index="1"] td[data-column="persona_id"]').innerText();
    await p.locator('[data-row-index="1"] button.open').click();
    await expect.poll(() => query(p).get('row')).toBe('2');
    expect(query(p).get('sql')).toBe(sql);
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-panel]').count(), { timeout: 30_000 }).toBe(1);
    expect(await panelValue(p, 'persona_id')).toBe(id);
  });

  it('closes on Escape, returns focus to the row’s button and takes the row out of the URL', async () => {
    await s.open('#/b/personagym/personas');
    const p = s.page;
    await settledTotal(p);
    await p.locator('[data-row-index="1"] button.open').click();
    await expect.poll(() => query(p).get('row')).toBe('2');
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('[data-row-panel]').count()).toBe(0);
    await expect.poll(() => query(p).get('row')).toBeNull();
    expect(await p.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row-index'))).toBe('1');
  });

  it('says so when a link names a row the table does not have', async () => {
    const past = personas!.rows + 1;
    await s.open(`#/b/personagym/personas?row=${past}`);
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-problem]').count(), { timeout: 30_000 }).toBe(1);
    expect(await p.locator('[data-row-problem]').innerText()).toContain(
      `The link’s row ${past.toLocaleString('en-US')} is not in personas, which has ${personas!.rows.toLocaleString('en-US')} rows`,
    );
    expect(await p.locator('[data-row-panel]').count()).toBe(0);
    await s.open('#/b/personagym/personas?row=abc');
    await expect.poll(() => p.locator('[data-row-problem]').innerText()).toContain('The link’s row “abc” is not a row number');
  });

  it('keeps the column summary’s open state and column in the URL', async () => {
    await s.open('#/b/personagym/questions');
    const p = s.page;
    await settledTotal(p);
    await p.locator('[data-column-summary] > summary').click();
    await p.getByLabel('Column', { exact: true }).selectOption('question_index');
    await expect.poll(() => query(p).get('summary')).toBe('question_index');
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-column-summary]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await p.getByLabel('Column', { exact: true }).inputValue()).toBe('question_index');
    await expect.poll(() => p.locator('[data-column-summary] caption').innerText(), { timeout: 30_000 }).toBe('Histogram of question_index');
    await p.locator('[data-column-summary] > summary').click();
    await expect.poll(() => query(p).get('summary')).toBeNull();
    await s.open('#/b/personagym/questions?summary=nocol');
    await expect.poll(() => p.locator('[data-ignored-filters]').innerText()).toBe('Not applied: a column summary of “nocol”, which this table has no column of.');
  });

  it.skipIf(!judgments)('opens a judged pair’s side-by-side reading view from a link', async () => {
    const rows = builtTableRows(judgments!.file);
    await s.open('#/b/personalized-judge/judgments?row=5');
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-panel] [data-judge-item]').count(), { timeout: 30_000 }).toBe(1);
    expect(await panelHeading(p)).toBe('Row 5 of judgments');
    const column = judgments!.columns.find((c) => c.kind === 'string')!.name;
    expect(await panelValue(p, column)).toBe(String(rows[4][column] ?? 'NULL'));
  });

  it('names a link’s unknown sort column and inverted range instead of quietly showing 0 rows', async () => {
    await s.open('#/b/personagym/questions?sort=nocol&range.persona_id=10..5');
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    expect(await settledTotal(p)).toBe(questions!.rows);
    expect(await p.locator('[data-ignored-filters]').innerText()).toBe(
      'Not applied: the range on “persona_id”: the minimum (10) is above the maximum (5); a sort on “nocol”, which this table has no column of. The count above is without it.',
    );
    await s.open('#/b/personagym/questions?sort=nocol');
    await expect.poll(() => p.locator('[data-ignored-filters]').innerText()).toBe('Not applied: a sort on “nocol”, which this table has no column of.');
  });

  it('names a link’s range it cannot read instead of applying half of it, and a sort on several columns', async () => {
    await s.open('#/b/personagym/questions?range.persona_id=abc..5&sort=-nocol,persona_id');
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    expect(await settledTotal(p)).toBe(questions!.rows);
    expect(await p.locator('[data-ignored-filters]').innerText()).toBe(
      'Not applied: the range on “persona_id”: “abc..5” is not a range (lo..hi, either end may be left out); a sort on several columns (“-nocol,persona_id”): the table sorts on one column at a time. The count above is without it.',
    );
    await s.open('#/b/personagym/questions?range.persona_id=5');
    await expect.poll(() => p.locator('[data-ignored-filters]').innerText()).toBe(
      'Not applied: the range on “persona_id”: “5” is not a range (lo..hi, either end may be left out; 5..5 keeps only 5). The count above is without it.',
    );
    expect(await settledTotal(p)).toBe(questions!.rows);
  });

  it('says when a linked row is one the filters leave out, and which of several linked rows is open', async () => {
    await s.open('#/b/personagym/questions?range.persona_id=10..20&row=1');
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    await p.locator('[data-row-panel]').waitFor();
    await expect.poll(() => p.locator('[data-row-left-out]').count()).toBe(1);
    expect(await p.locator('[data-row-left-out]').innerText()).toContain('The current filters don’t include this row');
    await s.open('#/b/personagym/questions?row=2&row=5');
    await p.reload();
    await waitForDb(p);
    await expect.poll(() => p.locator('[data-row-others]').count()).toBe(1);
    expect(await p.locator('[data-row-others]').innerText()).toBe('The link names more than one row; row 2 is open, not “5”.');
    expect(await p.locator('[data-row-left-out]').count()).toBe(0);
  });
});
