// A stored upload whose mapping the checks refuse now (joined before a rule was added, e.g. rows with a
// value but no model): at the next boot it leaves the leaderboards with its reason kept, the mapping the
// user chose stays in the store, and fixing or taking off the mapping clears the refusal.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import type { ResultsMapping, UserTableInfo } from '../../src/lib/types.ts';
import { dataDir } from './built-data.ts';

const mapping: ResultsMapping = { model: 'model', metric: 'metric', value: 'value', benchmark: { fixed: 'mine:old' }, subset: null, unit: null, higherIsBetter: null };
const text = 'model,metric,value\na,acc,1\n,acc,2\n';
const info: UserTableInfo = {
  name: 'old',
  qualified: 'mine.old',
  fileName: 'old.csv',
  format: 'csv',
  bytes: text.length,
  rows: 2,
  columns: [
    { name: 'model', type: 'VARCHAR' },
    { name: 'metric', type: 'VARCHAR' },
    { name: 'value', type: 'BIGINT' },
  ],
  addedAt: '2026-01-01T00:00:00.000Z',
  url: null,
  mapping,
};

describe('a stored mapping refused at boot', () => {
  it('keeps the mapping and says why the rows are off the leaderboards', async () => {
    const store = memoryStore();
    await store.add({ info, file: new Blob([text]) });
    const { db, userData } = createNodeDbWithUserData(dataDir, store);
    expect((await db.query("select count(*) as n from main.results_all where upload = 'mine.old'")).rows[0].n).toBe(0);
    expect(userData.problems.size).toBe(0);
    expect(userData.find('old')?.mapping).toBeNull();
    expect(userData.refusedMappings.get('old')).toEqual({
      mapping,
      why: 'row 2 (model) has a value but an empty cell where a result needs a model, a metric and a benchmark. Fill it in, or empty the value to leave that row out.',
    });
    expect((await store.list())[0].info.mapping).toEqual(mapping);

    // Taken off the leaderboards on purpose: the refusal is answered.
    await userData.setMapping('old', null);
    expect(userData.refusedMappings.has('old')).toBe(false);
    expect((await store.list())[0].info.mapping).toBeNull();
  });

  it('clears the refusal when the mapping is fixed', async () => {
    const store = memoryStore();
    await store.add({ info, file: new Blob([text]) });
    const { db, userData } = createNodeDbWithUserData(dataDir, store);
    await db.boot();
    expect(userData.refusedMappings.has('old')).toBe(true);
    // The model column left out of the leaderboards' model: the metric column names the model instead.
    await userData.setMapping('old', { ...mapping, model: 'metric' });
    expect(userData.refusedMappings.has('old')).toBe(false);
    expect((await db.query("select count(*) as n from main.results_all where upload = 'mine.old'")).rows[0].n).toBe(2);
  });
});
