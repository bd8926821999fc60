// The released spellings a mapped upload is filed under are read once, when the views are (re)built,
// not on every query of main.results_all: mine.results holds them as rows and reads nothing of
// main.results. At boot main.results is still an empty placeholder, so the views are built again once
// it is loaded, and a restored upload is still filed under the released spellings.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { dataDir } from './built-data.ts';

const board = { benchmark: 'personamem', metric: 'MCQ accuracy', subset: 'overall · 128k context' };
const csv = `model,benchmark,metric,subset,value\nmy-agent, PersonaMem ,mcq ACCURACY,${board.subset},0.99\n`;
const viewSql = "select sql from duckdb_views() where schema_name = 'mine' and view_name = 'results'";
const filed = "select benchmark, metric from main.results_all where upload = 'mine.spelled'";

describe('released spellings in the views', () => {
  it('builds them into mine.results, which then reads nothing of main.results', async () => {
    const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
    await userData.add(new Blob([csv]), 'spelled.csv');
    expect(String((await db.query(viewSql)).rows[0].sql)).not.toMatch(/main\.results/i);
    expect((await db.query(filed)).rows).toEqual([{ benchmark: board.benchmark, metric: board.metric }]);
  });

  it('builds them again once main.results is loaded after a boot', async () => {
    // The upload is stored by an earlier session; this one restores it at boot, before main.results loads.
    const store = memoryStore();
    await createNodeDbWithUserData(dataDir, store).userData.add(new Blob([csv]), 'spelled.csv');
    const { db } = createNodeDbWithUserData(dataDir, store);
    expect((await db.query(filed)).rows).toEqual([{ benchmark: board.benchmark, metric: board.metric }]);
    expect(String((await db.query(viewSql)).rows[0].sql)).not.toMatch(/main\.results/i);
  });
});
