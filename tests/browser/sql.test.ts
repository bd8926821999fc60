// The SQL box: right answers, DuckDB's own error message (the page keeps working and the text stays),
// and a confirmation before any query that would reach outside the site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtCatalog, newSession, waitForDb, type Session } from './harness.ts';

const catalog = builtCatalog();
const personagym = catalog.benchmarks.find((b) => b.id === 'personagym');

let s: Session;
beforeEach(async () => {
  s = await newSession();
});
afterEach(async () => {
  s.assertClean();
  await s.close();
});

function box(session: Session) {
  const root = session.page.locator('[data-sql-box]');
  return {
    root,
    input: root.locator('textarea'),
    run: root.getByRole('button', { name: 'Run', exact: true }),
    result: root.locator('[data-sql-result]'),
    summary: root.locator('[data-sql-summary]'),
    error: root.locator('[data-sql-error]'),
  };
}

describe.skipIf(!personagym)('SQL box on the PersonaGym page', () => {
  const questions = personagym?.tables.find((t) => t.name === 'questions');

  it('starts with a query on the first table and runs it', async () => {
    await s.open('#/b/personagym');
    const sql = box(s);
    expect(await sql.input.inputValue()).toContain(personagym!.tables[0].qualified);
    await sql.run.click();
    await expect.poll(() => sql.summary.getAttribute('data-row-count'), { timeout: 90_000 }).toBe(
      String(Math.min(20, personagym!.tables[0].rows)),
    );
  });

  it.skipIf(!questions)('counts the questions (Ctrl+Enter runs)', async () => {
    await s.open('#/b/personagym');
    const sql = box(s);
    await sql.input.fill('select count(*) as n from personagym.questions');
    await sql.input.press('Control+Enter');
    await expect.poll(() => sql.result.locator('tbody td').first().textContent(), { timeout: 90_000 }).toBe(
      String(questions!.rows),
    );
    expect(questions!.rows).toBe(10000); // the release documents 10,000 questions
    expect(await sql.summary.innerText()).toMatch(/^1 row · 1 column · \d/);
    // The result names its source table, with licence and citation; not same-named tables of other benchmarks.
    const read = sql.root.locator('[data-provenance]');
    await expect.poll(() => read.evaluateAll((els) => els.map((e) => e.getAttribute('data-provenance')))).toEqual([
      'personagym.questions',
    ]);
    expect(await read.locator('[data-license-status]').getAttribute('data-license-status')).toBe(personagym!.license.status);
  });

  it('shows DuckDB’s error, keeps the text, and keeps working', async () => {
    await s.open('#/b/personagym');
    await waitForDb(s.page);
    const sql = box(s);
    const bad = 'select count(*)\nfrom personagym.questions\nwher task = 1';
    await sql.input.fill(bad);
    await sql.run.click();
    await expect.poll(() => sql.error.count(), { timeout: 60_000 }).toBe(1);
    const message = await sql.error.innerText();
    expect(message).toMatch(/Parser Error|syntax error/i);
    expect(message).toMatch(/line 3, column \d+/);
    expect(await sql.input.inputValue()).toBe(bad);

    // A missing table: DuckDB's Catalog Error, again next to the query.
    await sql.input.fill('select * from personagym.no_such_table');
    await sql.run.click();
    await expect.poll(() => sql.error.innerText()).toMatch(/no_such_table/);

    // The page still works: fix the query and run it.
    await sql.input.fill('select 6 * 7 as answer');
    await sql.run.click();
    await expect.poll(() => sql.result.locator('tbody td').first().textContent()).toBe('42');
    expect(await sql.error.count()).toBe(0);
  });

  it('asks before a query that reads from outside the site', async () => {
    await s.open('#/b/personagym');
    const sql = box(s);
    const outside = "select * from read_csv('https://example.com/data.csv')";
    await sql.input.fill(outside);
    await sql.run.click();
    const dialog = sql.root.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('https://example.com/data.csv');
    await dialog.getByRole('button', { name: "Don't run" }).click();
    expect(await dialog.count()).toBe(0);
    expect(await sql.input.inputValue()).toBe(outside);
    expect(s.requests.some((u) => u.includes('example.com'))).toBe(false);
  });
});
