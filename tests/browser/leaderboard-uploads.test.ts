// An upload on the leaderboards: an upload-only board names the upload as its source and says when its
// direction was assumed; a row against a released metric's direction is refused at upload, naming the row.
import { describe, expect, it } from 'vitest';
import { fileSession } from './harness.ts';

const s = fileSession({ start: '#/mine' });

async function upload(name: string, csv: string): Promise<void> {
  await s.open('#/mine');
  await s.page.locator('[data-file-input]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await s.page.waitForSelector('[data-upload-ok]', { timeout: 60_000 });
}
const note = () => s.page.locator('.note').first();

describe('uploads on the leaderboards', () => {
  it('an upload-only board names the upload as its source, has no empty unit, and says its direction was assumed', async () => {
    await upload('items.csv', 'model,metric,value\nalpha,latency,3\nbeta,latency,4\n');
    await s.open(`#/leaderboard?${new URLSearchParams({ benchmark: 'mine:items', metric: 'latency', subset: '' })}`);
    await expect.poll(() => s.page.locator('[data-leaderboard] tbody tr').count(), { timeout: 60_000 }).toBe(2);
    const text = await note().innerText();
    expect(text).toMatch(/^latency — higher is better \(assumed: neither the upload nor a released result of this metric states a direction/);
    expect(text).not.toContain('()');
    expect(await s.page.locator('[data-upload-source]').innerText()).toMatch(/^Source: every row of your upload mine\.items, kept in this browser/);
    expect(await s.page.locator('[data-provenance]').count()).toBe(0);
  });

  it('refuses, at upload, a row that would rank a released board the other way', async () => {
    await upload('dir.csv', 'model,benchmark,metric,subset,value,higher_is_better\nmy-agent,personamem,MCQ accuracy,overall · 128k context,0.99,false\n');
    await expect.poll(() => s.page.locator('main').innerText()).toMatch(/row 1, column “higher_is_better”: lower is better, but the released personamem · MCQ accuracy is ranked higher is better/);
    // Said in the announced status, not only in the mapping form.
    expect(await s.page.locator('[aria-live] [data-upload-note]').first().innerText()).toMatch(/^Its rows were not added to the leaderboards: row 1, column “higher_is_better”/);
  });

  it("links an upload's model name to the canonical model in any case, keeping the typed name", async () => {
    const board = { benchmark: 'personamem', metric: 'MCQ accuracy', subset: 'overall · 128k context' };
    await upload('spelled.csv', `model,benchmark,metric,subset,value\nGpt-4O,${board.benchmark},${board.metric},${board.subset},0.42\n`);
    // A fresh page: the leaderboard must load the alias tables itself.
    await s.open(`#/leaderboard?${new URLSearchParams(board)}`);
    await s.page.reload();
    const mine = s.page.locator('[data-leaderboard] tbody tr[data-mine="true"]');
    await expect.poll(() => mine.count(), { timeout: 60_000 }).toBe(1);
    expect(await mine.getAttribute('data-model-id')).toBe('gpt-4o');
    expect(await mine.locator('a').getAttribute('href')).toBe('#/models/gpt-4o');
    expect(await mine.innerText()).toContain('as “Gpt-4O”');
  });
});
