// The visitor's own rows are named as theirs: a download of a query on mine.* or of an upload's own
// page is not credited to a released benchmark; a board of uploads alone under a released id is not
// "From" that benchmark and its chart's source line says whose rows they are. An upload can be taken
// off the leaderboards and kept. Several files at once each get their line; focus follows the page.
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { downloaded, fileSession } from './harness.ts';

const s = fileSession({ start: '#/mine' });

type FileSpec = { name: string; mimeType: string; buffer: Buffer };
const csv = (name: string, text: string): FileSpec => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function upload(...files: FileSpec[]): Promise<void> {
  await s.page.locator('[data-file-input]').setInputFiles(files);
}

/** The download a format of the "Download rows" menu gives. */
async function downloadRows(format: 'csv' | 'parquet'): Promise<{ name: string; bytes: Buffer }> {
  const menu = s.page.locator('[data-download-menu]', { hasText: 'Download rows' }).first();
  await menu.locator('summary').click();
  const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), menu.locator(`[data-format="${format}"]`).click()]);
  return downloaded(download);
}

const active = () =>
  s.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', label: el?.getAttribute('aria-label') ?? '', card: el?.closest('[data-user-table]')?.getAttribute('data-user-table') ?? null, id: el?.id ?? '' };
  });

describe('rows of your own tables', () => {
  it('a query on mine.gym downloads as your data, not under the licence of the benchmark its rows name', async () => {
    await upload(csv('gym.csv', 'model,benchmark,metric,subset,value\nmy-agent,personagym,score,PersonaScore,4.9\nGPT-4o,personagym,score,PersonaScore,1.0\n'));
    await expect.poll(() => s.page.locator('[data-user-table="mine.gym"]').count(), { timeout: 60_000 }).toBe(1);

    await s.open(`#/sql/result?sql=${encodeURIComponent('select * from mine.gym')}`);
    await expect.poll(() => s.page.locator('[data-download-menu]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const file = await downloadRows('csv');
    expect(file.name).toBe('query__mine.gym__your-data.csv');
    expect(file.bytes.toString('utf8').trim().split(/\r?\n/)).toHaveLength(3);

    const parquet = await downloadRows('parquet');
    expect(parquet.name).toBe('query__mine.gym__your-data.parquet');
    const bytes = new Uint8Array(parquet.bytes).buffer; // a copy: Node Buffers share a pool
    const kv = Object.fromEntries((parquetMetadata(bytes).key_value_metadata ?? []).map((e) => [e.key, e.value ?? '']));
    expect(kv['personascope.source']).toMatch(/^mine\.gym /);
    expect(kv['personascope.license']).toMatch(/^mine\.gym: your own data/);
    expect(kv['personascope.license']).not.toMatch(/PersonaGym|MIT/);
    expect(kv['personascope.citation']).toBeUndefined();
  });

  it("an upload's own page has the Download rows menu, named as your data", async () => {
    await s.open('#/mine/gym');
    await expect.poll(() => s.page.locator('[data-table-page="mine.gym"]').innerText(), { timeout: 60_000 }).toMatch(/my-agent/);
    const file = await downloadRows('csv');
    expect(file.name).toBe('mine.gym__your-data.csv');
    expect(file.bytes.toString('utf8').split(/\r?\n/)[0]).toBe('model,benchmark,metric,subset,value');
  });
});

describe('an upload filed under a released benchmark id', () => {
  const board = { benchmark: 'personagym', metric: 'my_own_metric', subset: '' };

  it('joins by keyboard, and focus lands on its card', async () => {
    await s.open('#/mine');
    await s.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 });
    await upload(csv('gymnew.csv', `llm,task,score\nmy-agent,${board.metric},4.2\n`));
    const form = s.page.locator('[data-mapping-form="gymnew"]');
    await form.waitFor({ timeout: 60_000 });
    // The form asks for something: focus is on its heading, not the page body.
    await expect.poll(async () => (await active()).id).toBe('mapping-h');
    await form.getByLabel('Model', { exact: true }).selectOption('llm');
    await form.getByLabel('Metric', { exact: true }).selectOption('task');
    await form.getByLabel('Value (a number)').selectOption('score');
    await form.getByLabel('Benchmark', { exact: true }).selectOption(`id:${board.benchmark}`);
    await form.getByRole('button', { name: 'Join to results' }).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.locator('[data-user-table="mine.gymnew"] [data-joined]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await active()).card).toBe('mine.gymnew');
  });

  it('is not "From" that benchmark, and its chart credits the upload, not the release', async () => {
    await s.open(`#/leaderboard?${new URLSearchParams(board)}`);
    await expect.poll(() => s.page.locator('[data-leaderboard] tbody tr').count(), { timeout: 60_000 }).toBe(1);
    const origin = await s.page.locator('[data-board-origin]').innerText();
    expect(origin).not.toMatch(/^From/);
    expect(origin).toMatch(/^Your rows, filed under the id of PersonaGym/);
    const svg = s.page.locator('[data-chart="leaderboard"] [data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    const source = (await svg.locator('[data-source-line]').allTextContents()).join(' ');
    expect(source).toContain('your data (mine.gymnew)');
    expect(source).not.toMatch(/PersonaGym|MIT/);
  });

  it('can be taken off the leaderboards and kept', async () => {
    await s.open('#/mine');
    const card = s.page.locator('[data-user-table="mine.gymnew"]');
    await card.locator('[data-unmap]').click();
    await expect.poll(() => card.locator('[data-joined]').count(), { timeout: 60_000 }).toBe(0);
    // The card changes as soon as the mapping is gone; the status line follows it.
    await expect.poll(() => card.innerText()).toContain('Not joined to the results');
    await expect.poll(() => s.page.locator('[data-upload-ok]').innerText().catch(() => '')).toMatch(/mine\.gymnew is off the leaderboards/);
    await expect.poll(async () => (await active()).card).toBe('mine.gymnew');
    // Gone from the boards after a reload too.
    await s.page.reload();
    await s.open(`#/leaderboard?${new URLSearchParams(board)}`);
    await expect.poll(() => s.page.locator('[data-board-notice]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => s.page.locator('[data-leaderboard] tr[data-mine="true"]').count(), { timeout: 30_000 }).toBe(0);
  });
});

describe('several files at once', () => {
  it("shows every file's outcome; a refusal stays until dismissed or retried", async () => {
    await s.open('#/mine');
    await s.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 });
    await upload(
      { name: 'a broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"a":1}\n{"a":\n') },
      csv('b fine.csv', 'x,y\n1,2\n'),
      csv('c fine.csv', 'x,y\n3,4\n'),
    );
    await expect.poll(() => s.page.locator('[data-user-table="mine.c_fine"]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => s.page.locator('[data-upload-busy]').count()).toBe(0);
    const errors = s.page.locator('[data-upload-error]');
    expect(await errors.count()).toBe(1);
    expect(await errors.innerText()).toMatch(/^a broken\.jsonl: line 2/);
    expect(await s.page.locator('[data-upload-ok]').allInnerTexts()).toEqual([
      expect.stringMatching(/^Loaded b fine\.csv as mine\.b_fine/),
      expect.stringMatching(/^Loaded c fine\.csv as mine\.c_fine/),
    ]);
    // Focus is on the last new table, not on the page body.
    await expect.poll(async () => (await active()).card).toBe('mine.c_fine');

    // Another action keeps the refusal; a retry of that file replaces it.
    await upload(csv('d fine.csv', 'x,y\n5,6\n'));
    await expect.poll(() => s.page.locator('[data-upload-ok]').allInnerTexts(), { timeout: 60_000 }).toEqual([expect.stringMatching(/^Loaded d fine\.csv/)]);
    expect(await errors.count()).toBe(1);
    await upload({ name: 'a broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"a":1}\n{"a":2}\n') });
    await expect.poll(() => s.page.locator('[data-user-table="mine.a_broken"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await errors.count()).toBe(0);

    // A refusal can be dismissed.
    await upload({ name: 'e broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"a":\n') });
    await expect.poll(() => errors.count(), { timeout: 60_000 }).toBe(1);
    await errors.getByRole('button', { name: /^Dismiss/ }).click();
    expect(await errors.count()).toBe(0);
  });

  it('keeps keyboard focus on the question when deleting, and after it', async () => {
    const card = s.page.locator('[data-user-table="mine.d_fine"]');
    await card.getByRole('button', { name: 'Delete mine.d_fine' }).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).text).toBe('Keep');
    await s.page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).label).toBe('Delete mine.d_fine');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Shift+Tab'); // from Keep to the confirming Delete
    expect((await active()).text).toBe('Delete');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => (await active()).id).toBe('tables-h');
  });

  it('from the keyboard: focus moves to the new table, and stays on "Choose files…" after a refusal', async () => {
    const button = s.page.getByRole('button', { name: 'Choose files…' });
    const choose = async (file: FileSpec) => {
      // While an upload is still being read the button is aria-disabled and Enter opens nothing.
      await expect.poll(() => s.page.locator('[data-upload-busy]').count(), { timeout: 60_000 }).toBe(0);
      // Headless Chromium now and then shows no file chooser for a keypress that follows an earlier
      // test's chooser; a second Enter then opens it. A button that ignores Enter fails both.
      const open = async () => {
        await button.focus();
        const [chooser] = await Promise.all([s.page.waitForEvent('filechooser', { timeout: 10_000 }), s.page.keyboard.press('Enter')]);
        return chooser;
      };
      const chooser = await open().catch(open);
      await chooser.setFiles([file]);
    };
    await choose(csv('kb.csv', 'x,y\n1,2\n'));
    await expect.poll(() => s.page.locator('[data-user-table="mine.kb"]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => (await active()).card).toBe('mine.kb');

    await choose({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"a":\n') });
    await expect.poll(() => s.page.locator('[data-upload-error]').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => s.page.locator('[data-upload-busy]').count()).toBe(0);
    expect((await active()).text).toBe('Choose files…');
  });
});
