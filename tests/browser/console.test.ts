// The SQL console (#/sql): runs with Ctrl+Enter and shows count and timing, pages a large result,
// marks DuckDB's error position in the editor, cancels a long query and keeps working, keeps its
// history across a reload, asks before a shared link reaches outside the site, and downloads CSV and
// Parquet files that hold the right rows. SQL that would change the site's released tables never runs
// (from a link, the console or a SQL box), so other pages keep the released numbers; a linked script
// that does more than read waits for a go-ahead listing its statements; a script of several statements
// says its rows are the last one's. One page for the whole file (DuckDB boots once).
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCatalog, builtTableRows, downloaded, newSession, waitForDb, type Session } from './harness.ts';

const catalog = builtCatalog();
const personagym = catalog.benchmarks.find((b) => b.id === 'personagym');
const personas = personagym?.tables.find((t) => t.name === 'personas');
const releasedClaude = builtTableRows('main/results.arrow.gz').find(
  (r) => r.benchmark === 'personagym' && r.model === 'claude_3.5_sonnet' && r.subset === 'PersonaScore',
) as { model_id: string; value: number } | undefined;
const TAMPER = "UPDATE main.results SET value = 0.01 WHERE benchmark='personagym' AND model='claude_3.5_sonnet'; SELECT 'hello' AS greeting";

let s: Session;
beforeAll(async () => {
  s = await newSession();
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});

function ui() {
  const page = s.page;
  return {
    editor: page.locator('[data-sql-editor] .cm-content'),
    run: page.getByRole('button', { name: 'Run', exact: true }),
    summary: page.locator('[data-sql-summary]'),
    result: page.locator('[data-sql-result]'),
    error: page.locator('[data-sql-error]'),
    history: page.locator('[data-history-entry]'),
  };
}

async function type(sql: string): Promise<void> {
  const { editor } = ui();
  await editor.waitFor();
  await editor.fill(sql);
  await s.page.keyboard.press('Escape'); // close the completion list, if open
}

async function runAndWait(sql: string): Promise<void> {
  await type(sql);
  await ui().editor.press('Control+Enter');
  await expect.poll(() => ui().summary.count(), { timeout: 60_000 }).toBe(1);
}

async function save(format: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = s.page.locator('[data-download-menu]');
  await menu.waitFor();
  await menu.locator('summary').click();
  const [download] = await Promise.all([s.page.waitForEvent('download'), menu.locator(`[data-format="${format}"]`).click()]);
  return downloaded(download);
}

/** Rows of a CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('SQL console', () => {
  it.skipIf(!personagym)('opens from a benchmark page with its query, and runs it', async () => {
    await s.open('#/b/personagym');
    await s.page.locator('[data-open-console]').first().click();
    await expect.poll(() => s.page.url()).toContain('#/sql?q=');
    await expect.poll(() => ui().summary.getAttribute('data-row-count'), { timeout: 90_000 }).toBe(
      String(Math.min(20, personagym!.tables[0].rows)),
    );
    expect(await ui().editor.innerText()).toContain(personagym!.tables[0].qualified);
  });

  it('completes schema, table and column names from the catalog', async () => {
    await s.open('#/sql');
    const { editor } = ui();
    await editor.waitFor();
    await editor.fill('');
    const options = s.page.locator('.cm-tooltip-autocomplete li');
    await editor.pressSequentially('select * from personagym.que');
    await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringContaining('questions')]);
    await editor.fill('');
    await editor.pressSequentially('select personagym.personas.pers');
    await expect.poll(() => options.allInnerTexts()).toContainEqual(expect.stringContaining('persona_id'));
    await s.page.keyboard.press('Escape');
  });

  it('runs with Ctrl+Enter, shows count and timing, pages a large result', async () => {
    await waitForDb(s.page);
    await runAndWait('select i, i * i as square from range(250) t(i) order by i');
    const { summary, result } = ui();
    expect(await summary.getAttribute('data-row-count')).toBe('250');
    expect(await summary.innerText()).toMatch(/^250 rows · 2 columns · \d+(\.\d)? m?s$/);
    // Only one page is in the DOM.
    expect(await result.locator('tbody tr').count()).toBe(100);
    expect(await s.page.locator('[data-page-range]').innerText()).toBe('Rows 1–100 of 250');
    await s.page.getByRole('button', { name: 'Last' }).click();
    await expect.poll(() => result.locator('tbody tr').count()).toBe(50);
    expect(await result.locator('tbody tr').first().locator('td').first().innerText()).toBe('200');
    // The URL carries the SQL.
    await expect.poll(() => new URLSearchParams(new URL(s.page.url()).hash.split('?')[1]).get('q')).toBe(
      'select i, i * i as square from range(250) t(i) order by i',
    );
  });

  it('keeps text typed but not run across another page, the SQL menu link and a reload', async () => {
    const draft = 'select 42 as not_run_yet';
    await type(draft);
    await expect.poll(() => new URLSearchParams(new URL(s.page.url()).hash.split('?')[1]).get('q')).toBe(draft);
    await s.page.getByRole('link', { name: 'Leaderboards' }).click();
    await s.page.getByRole('link', { name: 'SQL', exact: true }).click();
    await expect.poll(() => ui().editor.innerText()).toBe(draft);
    // The menu link again, while on the console: the text stays, and so does the URL's copy.
    await s.page.getByRole('link', { name: 'SQL', exact: true }).click();
    await expect.poll(() => new URLSearchParams(new URL(s.page.url()).hash.split('?')[1]).get('q')).toBe(draft);
    await s.page.evaluate(() => (location.hash = '#/sql'));
    await s.page.reload();
    await expect.poll(() => ui().editor.innerText(), { timeout: 60_000 }).toBe(draft);
  });

  it('shows DuckDB’s error and marks its position in the editor', async () => {
    await type('select count(*)\nfrom main.results\nwher x = 1');
    await ui().run.click();
    await expect.poll(() => ui().error.count(), { timeout: 60_000 }).toBe(1);
    const message = await ui().error.innerText();
    expect(message).toMatch(/Parser Error|syntax error/i);
    expect(message).toMatch(/line 3, column \d+/);
    const mark = s.page.locator('[data-sql-error-mark]');
    await expect.poll(() => mark.count()).toBe(1);
    expect((await mark.innerText()).trim()).toBe('x');
    // The text is kept; fixing it clears the mark and the query runs.
    await type('select 6 * 7 as answer');
    expect(await mark.count()).toBe(0);
    await ui().editor.press('Control+Enter');
    await expect.poll(() => ui().result.locator('tbody td').first().textContent(), { timeout: 60_000 }).toBe('42');
  });

  it('cancels a long query and keeps working', async () => {
    await type('select count(*) as n from range(3000000000) t(i) where hash(i) % 7 = 0');
    await ui().run.click();
    const cancel = s.page.locator('[data-cancel]');
    await cancel.waitFor();
    await s.page.waitForTimeout(800); // let it get going
    const t0 = Date.now();
    await cancel.click();
    await s.page.locator('[data-sql-cancelled]').waitFor({ timeout: 15_000 });
    expect(Date.now() - t0).toBeLessThan(15_000);
    await runAndWait('select 41 + 1 as answer');
    expect(await ui().result.locator('tbody td').first().textContent()).toBe('42');
  });

  it('keeps its history across a reload, and clears it', async () => {
    await s.page.reload();
    const { history } = ui();
    await expect.poll(() => history.count()).toBeGreaterThanOrEqual(3);
    expect(await history.first().innerText()).toContain('select 41 + 1 as answer');
    // Each query once: the failing one is listed as failed.
    const texts = await history.allInnerTexts();
    expect(texts.filter((t) => t.includes('select 41 + 1')).length).toBe(1);
    expect(texts.some((t) => t.includes('wher x = 1') && t.includes('failed'))).toBe(true);
    // Picking an entry puts it back in the editor.
    await history.nth(1).getByRole('button').first().click();
    await expect.poll(() => ui().editor.innerText()).toContain('select 6 * 7');
    // Cleared is cleared for good.
    await s.page.getByRole('button', { name: 'Clear history' }).click();
    expect(await history.count()).toBe(0);
    await s.page.reload();
    await ui().editor.waitFor();
    expect(await history.count()).toBe(0);
  });

  it('asks before a shared link reaches outside the site; declining sends nothing', async () => {
    const outside = "select * from read_csv('https://example.com/data.csv')";
    // Opened while the console is showing: the view stays, takes the link's query and asks.
    await s.open(`#/sql?q=${encodeURIComponent(outside)}`);
    const dialog = s.page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect.poll(() => ui().editor.innerText()).toContain('example.com');
    await s.page.reload(); // a fresh load, as from a shared link
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('https://example.com/data.csv');
    await dialog.getByRole('button', { name: "Don't run" }).click();
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => ui().editor.innerText()).toContain('example.com');
    expect(s.requests.some((u) => u.includes('example.com'))).toBe(false);
    expect(await ui().summary.count()).toBe(0);
  });

  it('lists the visitor’s own tables and completes their names', async () => {
    await s.open('#/mine');
    await s.page.locator('[data-file-input]').setInputFiles({ name: 'console_pets.csv', mimeType: 'text/csv', buffer: Buffer.from('name,legs\ncat,4\nbird,2\n') });
    await expect.poll(() => s.page.locator('main').innerText(), { timeout: 60_000 }).toContain('console_pets');
    await s.open('#/sql');
    const browser = s.page.locator('[data-schema-browser]');
    await expect.poll(() => browser.innerText(), { timeout: 60_000 }).toContain('Your data'); // once DuckDB holds the upload
    expect(await browser.innerText()).toContain('console_pets');
    const { editor } = ui();
    await editor.fill('');
    await editor.pressSequentially('select sum(legs) as n from mine.console_p');
    await expect.poll(() => s.page.locator('.cm-tooltip-autocomplete li').allInnerTexts()).toEqual([expect.stringContaining('console_pets')]);
    await s.page.waitForTimeout(150); // CodeMirror ignores Enter for 75 ms after the list opens
    await s.page.keyboard.press('Enter'); // accept the completion
    await expect.poll(() => ui().editor.innerText()).toBe('select sum(legs) as n from mine.console_pets');
    await ui().editor.press('Control+Enter');
    await expect.poll(() => ui().result.locator('tbody td').first().textContent(), { timeout: 60_000 }).toBe('6');
  });

  it.skipIf(!personas)('downloads a table page’s rows, filtered by its URL state', async () => {
    await s.open('#/b/personagym/personas');
    const all = await save('csv');
    expect(all.name).toBe(`personagym.personas__${personagym!.license.spdx}.csv`);
    const rows = (text: string) => parse(text).slice(1);
    expect(rows(all.bytes.toString('utf8'))).toHaveLength(personas!.rows);

    await s.open('#/b/personagym/personas?q=Toronto');
    const some = await save('csv');
    expect(some.name).toBe(`personagym.personas.filtered__${personagym!.license.spdx}.csv`);
    const kept = rows(some.bytes.toString('utf8'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(personas!.rows);
    expect(kept.every((r) => r.join(' ').toLowerCase().includes('toronto'))).toBe(true);
  });

  it.skipIf(!personas)('downloads a result as CSV and Parquet, named by source and licence, and cites its benchmark', async () => {
    await s.open('#/sql');
    await runAndWait('select * from personagym.personas order by 1 limit 7');
    const csv = await save('csv');
    expect(csv.name).toBe(`query__personagym__${personagym!.license.spdx}.csv`);
    const lines = parse(csv.bytes.toString('utf8'));
    expect(lines[0]).toEqual(personas!.columns.map((c) => c.name));
    expect(lines).toHaveLength(8); // header + 7 rows

    const pq = await save('parquet');
    expect(pq.name).toBe(`query__personagym__${personagym!.license.spdx}.parquet`);
    const buffer = new Uint8Array(pq.bytes).buffer; // a copy: Node Buffers share a pool
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0])).toEqual(personas!.columns.map((c) => c.name));
    const kv = Object.fromEntries((parquetMetadata(buffer).key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv['personascope.source']).toContain('personagym.personas');
    expect(kv['personascope.license']).toContain(personagym!.license.spdx!);

    // The combined citation names the benchmark the rows come from.
    const cite = s.page.locator('[data-combined-bibtex]');
    await cite.locator('summary').click();
    expect(await cite.locator('[data-bibtex]').innerText()).toContain(personagym!.bibtex.split('\n')[0].trim());
  });
});

/** Opens the console with this SQL in its link, as a fresh load (a shared link). */
async function openLink(sql: string): Promise<void> {
  await s.open(`#/sql?q=${encodeURIComponent(sql)}`);
  await s.page.reload();
  await ui().editor.waitFor();
}

/** The PersonaScore value the PersonaGym leaderboard shows for Claude 3.5 Sonnet. */
async function boardValue(): Promise<number> {
  await s.open('#/leaderboard?benchmark=personagym&metric=score&subset=PersonaScore');
  const row = s.page.locator(`[data-leaderboard] tbody tr[data-model-id="${releasedClaude!.model_id}"]`);
  await row.waitFor({ timeout: 90_000 });
  return Number(await row.getAttribute('data-value'));
}

describe.skipIf(!personagym || !releasedClaude)('released tables from the console', () => {
  it('refuses a linked UPDATE of main.results, naming it; the leaderboard keeps the released value', async () => {
    await openLink(TAMPER);
    await ui().error.waitFor({ timeout: 90_000 });
    const message = await ui().error.innerText();
    expect(message).toContain('Statement 1 of 2, UPDATE main.results SET value = 0.01');
    expect(message).toContain('would change main.results');
    expect(message).toContain('CREATE TEMP TABLE my_copy AS SELECT * FROM main.results');
    expect(await ui().summary.count()).toBe(0); // not even the SELECT ran
    expect(await boardValue()).toBe(releasedClaude!.value);
  });

  it('refuses a typed DROP TABLE main.results; the leaderboard still loads', async () => {
    await s.open('#/sql');
    await ui().editor.fill('DROP TABLE main.results');
    await s.page.keyboard.press('Escape');
    await ui().editor.press('Control+Enter');
    await ui().error.waitFor({ timeout: 90_000 });
    expect(await ui().error.innerText()).toContain('DROP TABLE would change main.results');
    expect(await boardValue()).toBe(releasedClaude!.value);
    expect(await s.page.getByText('Catalog Error').count()).toBe(0);
  });

  it('refuses the same in a benchmark page’s SQL box', async () => {
    await s.open('#/b/personagym');
    const box = s.page.locator('[data-sql-box]').first();
    await box.locator('textarea').fill('delete from personagym.scores');
    await box.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => box.locator('[data-sql-error]').innerText(), { timeout: 90_000 }).toContain('DELETE would change personagym.scores');
  });

  it('asks before a linked script that changes something, listing its statements; then says which rows show', async () => {
    await openLink('CREATE TEMP TABLE link_t AS SELECT 41 AS x;\nUPDATE link_t SET x = x + 1;\nSELECT x FROM link_t');
    await s.page.getByRole('alertdialog').waitFor({ timeout: 90_000 });
    const listed = await s.page.getByRole('alertdialog').locator('[data-confirm-changes] li').allInnerTexts();
    expect(listed).toEqual(['CREATE TEMP TABLE link_t AS SELECT 41 AS x', 'UPDATE link_t SET x = x + 1']);
    expect(await ui().summary.count()).toBe(0);
    // Enter on the dialog declines: the focus is on "Don't run", not on "Run anyway".
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe("Don't run");
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Run anyway' }).click();
    await expect.poll(() => ui().summary.count(), { timeout: 90_000 }).toBe(1);
    expect(await ui().summary.innerText()).toContain("3 statements ran; the rows shown are the last one's.");
    expect(await ui().summary.getAttribute('data-row-count')).toBe('1');
    expect(await s.page.locator('[data-sql-result]').innerText()).toContain('42');
  });

  it('refuses a linked SET or transaction that would reverse every leaderboard or empty loaded tables', async () => {
    await openLink("SET default_order = 'DESC'; SELECT 42 AS x");
    await ui().error.waitFor({ timeout: 90_000 });
    expect(await ui().error.innerText()).toContain('SET default_order would change a setting of this database');
    await openLink('BEGIN TRANSACTION');
    await ui().error.waitFor({ timeout: 90_000 });
    expect(await ui().error.innerText()).toContain('Transactions are not run here');
    expect(await boardValue()).toBe(releasedClaude!.value);
  });

  it('runs a read-only link at once, saying nothing of statements when there is one', async () => {
    await openLink("SELECT 'hello' AS greeting");
    await expect.poll(() => ui().summary.count(), { timeout: 90_000 }).toBe(1);
    expect(await s.page.getByRole('alertdialog').count()).toBe(0);
    expect(await s.page.locator('[data-sql-statements]').count()).toBe(0);
  });
});
