// Two tabs share one browser store: an upload never replaces another tab's stored upload of the
// same name, whether that tab stored it before this one looked or while this one was reading the file.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore, type UploadStore } from '../../src/lib/db/user-data/store.ts';
import { dataDir } from './built-data.ts';

const file = (text: string) => new Blob([text]);

async function storedRows(store: UploadStore, name: string): Promise<string | undefined> {
  const u = (await store.list()).find((s) => s.info.name === name);
  return u ? await u.file.text() : undefined;
}

describe('two tabs, one store', () => {
  it('names an upload after what is stored, not only what this tab has listed', async () => {
    const store = memoryStore();
    const a = createNodeDbWithUserData(dataDir, store).userData;
    const tabB = createNodeDbWithUserData(dataDir, store);
    const b = tabB.userData;
    // Tab B opened #/mine (its DuckDB rebuilt the stored tables) before tab A uploaded.
    await b.list();
    await tabB.db.query('select 1');
    await a.add(file('model,metric,value\ntabA,acc,1\n'), 'same.csv');
    const { info } = await b.add(file('model,metric,value\ntabB,acc,2\n'), 'same.csv');
    expect(info.name).toBe('same_2');
    expect(await storedRows(store, 'same')).toBe('model,metric,value\ntabA,acc,1\n');
    expect(await storedRows(store, 'same_2')).toBe('model,metric,value\ntabB,acc,2\n');
  });

  it('takes the next free name when another tab stores the same name while this one reads the file', async () => {
    const shared = memoryStore();
    // The other tab's upload lands after this tab read what is stored: its view is stale.
    const stale: UploadStore = { ...shared, list: async () => [], names: async () => [] };
    await shared.add({ info: { name: 'late' } as never, file: file('theirs') });
    const { db, userData } = createNodeDbWithUserData(dataDir, stale);
    const { info } = await userData.add(file('model,value\nmine,1\n'), 'late.csv');
    expect(info).toMatchObject({ name: 'late_2', qualified: 'mine.late_2' });
    expect(await storedRows(shared, 'late')).toBe('theirs');
    expect(await storedRows(shared, 'late_2')).toBe('model,value\nmine,1\n');
    expect((await db.query('select * from mine.late_2')).rows).toEqual([{ model: 'mine', value: 1 }]);
  });
});
