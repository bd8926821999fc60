// Mapping uploads to results on #/mine: several result-like files picked at once each get their
// mapping form, one after another (none is dropped); a stored upload whose mapping the checks refuse
// now says so on its card, with the reason and a way to fix it.
import { describe, expect, it } from 'vitest';
import { fileSession, waitForDb } from './harness.ts';

const s = fileSession();

const heading = () => s.page.locator('#mapping-h');

describe('mapping forms on #/mine', () => {
  it('asks for the mapping of every result-like file picked at once, one form after another', async () => {
    await s.open('#/mine');
    await waitForDb(s.page);
    const file = (name: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from('llm,task,score\nagent,acc,0.5\n') });
    await s.page.locator('[data-file-input]').setInputFiles([file('first.csv'), file('second.csv'), file('third.csv')]);
    await expect.poll(() => s.page.locator('[data-upload-ok]').count(), { timeout: 60_000 }).toBe(3);
    expect(await heading().innerText()).toBe('Add mine.first to the results');
    expect(await s.page.locator('[data-mapping-queue]').innerText()).toBe('Next, when this one is saved or cancelled: mine.second, mine.third.');
    await s.page.locator('section.mapping').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => heading().innerText()).toBe('Add mine.second to the results');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('mapping-h');
    await s.page.locator('section.mapping').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => heading().innerText()).toBe('Add mine.third to the results');
    expect(await s.page.locator('[data-mapping-queue]').count()).toBe(0);
    await s.page.locator('section.mapping').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => heading().count()).toBe(0);
  });

  it('says on the card why a stored mapping is refused now, and opens the form on it', async () => {
    // An upload joined before rows with a value but no model were refused, as an older version stored it.
    const text = 'model,metric,value\na,acc,1\n,acc,2\n';
    await s.page.evaluate(async (text) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('personascope-user-data', 1);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const info = {
        name: 'old', qualified: 'mine.old', fileName: 'old.csv', format: 'csv', bytes: text.length, rows: 2,
        columns: [{ name: 'model', type: 'VARCHAR' }, { name: 'metric', type: 'VARCHAR' }, { name: 'value', type: 'BIGINT' }],
        addedAt: '2026-01-01T00:00:00.000Z', url: null,
        mapping: { model: 'model', metric: 'metric', value: 'value', benchmark: { fixed: 'mine:old' }, subset: null, unit: null, higherIsBetter: null },
      };
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('uploads', 'readwrite');
        tx.objectStore('uploads').put({ info, file: new Blob([text]) });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, text);
    await s.page.reload();
    await waitForDb(s.page);
    const refused = s.page.locator('[data-user-table="mine.old"] [data-mapping-refused]');
    await expect.poll(() => refused.count(), { timeout: 60_000 }).toBe(1);
    expect(await refused.innerText()).toMatch(/^Off the leaderboards: its rows joined them \(model model, metric metric, value value\), but that mapping is refused now: row 2 \(model\) has a value but an empty cell/);
    await refused.getByRole('button', { name: 'Fix the mapping…' }).click();
    expect(await heading().innerText()).toBe('Add mine.old to the results');
    expect(await s.page.locator('section.mapping').innerText()).toMatch(/The mapping it was joined with is refused now: row 2 \(model\)/);
  });
});
