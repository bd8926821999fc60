// Loading main.results rebuilds the result views; an upload that no longer fits its mapping (its table
// dropped in the console) must not stop that load: the released rows load, and the upload leaves the
// leaderboards with the reason on its card.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { dataDir } from './built-data.ts';

describe('a mapped upload dropped before main.results loads', () => {
  it('leaves the leaderboards with a reason; main.results and main.results_all still load', async () => {
    const store = memoryStore();
    const csv = 'model,benchmark,metric,subset,value\nmy-agent,personagym,score,PersonaScore,4.9\n';
    const first = createNodeDbWithUserData(dataDir, store);
    await first.userData.add(new Blob([csv]), 'broken.csv');

    // Another session restores the upload; the console drops its table before anything reads main.results.
    const { db, userData } = createNodeDbWithUserData(dataDir, store);
    await db.query('DROP TABLE mine.broken');
    const released = Number((await db.query('select count(*)::INTEGER as n from main.results')).rows[0].n);
    expect(released).toBeGreaterThan(900);
    expect((await db.query('select count(*)::INTEGER as n from main.results_all where is_mine')).rows[0].n).toBe(0);
    expect(userData.problems.get('broken')).toMatch(/could not be joined to the leaderboards/);
  });
});
