// Mapping an upload to results: a benchmark or metric that differs from a released one only in case
// lands on the released board (not a board of its own beside it), the direction check reads it the same
// way, and rows with a value but an empty model, metric or benchmark are refused, naming them.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const file = (text: string) => new Blob([text]);
const board = { benchmark: 'personamem', metric: 'MCQ accuracy', subset: 'overall · 128k context' };

describe('mapping names', () => {
  it('spells a benchmark and metric as released when they differ only in case', async () => {
    const { info, mappingProblem } = await userData.add(file(`model,benchmark,metric,subset,value\nmy-agent, PersonaMem ,mcq ACCURACY,${board.subset},0.99\n`), 'gym wrong.csv');
    expect(mappingProblem).toBeUndefined();
    const mine = await db.query('select benchmark, metric, higher_is_better, direction_assumed from main.results_all where upload = $1', { params: [info.qualified] });
    expect(mine.rows).toEqual([{ benchmark: board.benchmark, metric: board.metric, higher_is_better: true, direction_assumed: false }]);
    await userData.remove(info.name);
  });

  it('checks the stated direction against the released metric it is spelled as', async () => {
    const { info, mappingProblem } = await userData.add(
      file(`model,benchmark,metric,subset,value,higher_is_better\nmy-agent,PERSONAMEM,MCQ Accuracy,${board.subset},0.99,false\n`),
      'dir.csv',
    );
    expect(info.mapping).toBeNull();
    expect(mappingProblem).toMatch(/^row 1, column “higher_is_better”: lower is better, but the released personamem · MCQ accuracy is ranked higher is better/);
    await userData.remove(info.name);
  });

  it('refuses rows with a value but an empty model, metric or benchmark, naming them', async () => {
    const { info, mappingProblem } = await userData.add(file('model,benchmark,metric,value\nx1,,acc,1\nx2,mine:blanks,,2\n,mine:blanks,acc,3\n  ,mine:blanks,acc,\nx4,mine:blanks,acc,4\n'), 'blanks.csv');
    expect(info.mapping).toBeNull();
    expect(mappingProblem).toBe(
      'rows 1 (benchmark), 2 (metric), 3 (model) have a value but an empty cell where a result needs a model, a metric and a benchmark. Fill them in, or empty the value to leave those rows out.',
    );
    expect((await db.query("select count(*) as n from main.results_all where upload = 'mine.blanks'")).rows[0].n).toBe(0);
  });
});
