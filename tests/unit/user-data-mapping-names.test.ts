// Mapping an upload to results: a benchmark or metric that differs from a released one only in case
// lands on the released board (not a board of its own beside it), the direction check reads it the same
// way, the upload's notes name the spellings changed and their rows, and rows with a value but an
// empty model, metric or benchmark are refused, naming them.
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

  it('says which spellings were filed under the released ones, and for which rows', async () => {
    const rows = [
      `a, PersonaMem ,mcq ACCURACY,${board.subset},0.9`,
      `b, PersonaMem ,mcq ACCURACY,${board.subset},0.8`,
      `c,personamem,MCQ accuracy,${board.subset},0.7`,
      `d, PersonaMem ,MCQ accuracy,${board.subset},0.6`,
      `e,PersonaMem,mcq ACCURACY,${board.subset},`, // no value: not a result, not named
      `f,mine:own,Score,x,1`,
    ];
    const { info, notes } = await userData.add(file(`model,benchmark,metric,subset,value\n${rows.join('\n')}\n`), 'spelled.csv');
    expect(info.mapping).not.toBeNull();
    expect(notes).toEqual([
      'benchmark “ PersonaMem ” is filed as the released “personamem” (rows 1–2, 4): the spellings differ only in case or surrounding spaces.',
      'metric “mcq ACCURACY” of personamem is filed as the released “MCQ accuracy” (rows 1–2): the spellings differ only in case or surrounding spaces.',
    ]);
    await userData.remove(info.name);
  });

  it('lists the first runs of rows and counts the rest', async () => {
    // Rows 1, 3, 5, 7, 9, 11 are spelled otherwise: four runs shown, two rows counted.
    const rows = Array.from({ length: 12 }, (_, i) => `m${i},${i % 2 ? 'personamem' : 'PERSONAMEM'},MCQ accuracy,${board.subset},0.5`);
    const { info, notes } = await userData.add(file(`model,benchmark,metric,subset,value\n${rows.join('\n')}\n`), 'many.csv');
    expect(notes).toEqual(['benchmark “PERSONAMEM” is filed as the released “personamem” (rows 1, 3, 5, 7 and 2 more): the spellings differ only in case or surrounding spaces.']);
    await userData.remove(info.name);
  });

  it('says so too when the mapping is set in the form', async () => {
    const { info, notes } = await userData.add(file(`llm,task,score\nmy-agent,Mcq Accuracy,0.5\n`), 'formed.csv');
    expect(info.mapping).toBeNull();
    expect(notes).toEqual([]);
    const mapped = await userData.setMapping(info.name, {
      model: 'llm', metric: 'task', value: 'score', benchmark: { fixed: 'PersonaMem' }, subset: null, unit: null, higherIsBetter: null,
    });
    expect(mapped).toEqual([
      'benchmark “PersonaMem” is filed as the released “personamem” (row 1): the spellings differ only in case or surrounding spaces.',
      'metric “Mcq Accuracy” of personamem is filed as the released “MCQ accuracy” (row 1): the spellings differ only in case or surrounding spaces.',
    ]);
    expect(await userData.setMapping(info.name, null)).toEqual([]);
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
