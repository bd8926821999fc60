// Semicolon CSVs with decimal commas ("0,5", as spreadsheets export them where the comma marks
// decimals): a column of such numbers is read as numbers, with a note, so it can be a result value.
// A column with any value that does not fit, or a comma-delimited file's quoted "1,234", stays text.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const file = (text: string) => new Blob([text]);
const types = (columns: { name: string; type: string }[]) => columns.map((c) => `${c.name} ${c.type}`);

describe('decimal commas', () => {
  it('reads a semicolon file’s decimal-comma column as numbers, says so, and joins it', async () => {
    const { info, notes, mappingProblem } = await userData.add(file('model;metric;value\na;acc;0,5\nb;acc;1,25\nc;acc;2\nd;acc;-0,75\n'), 'eu.csv');
    expect(mappingProblem).toBeUndefined();
    expect(types(info.columns)).toEqual(['model VARCHAR', 'metric VARCHAR', 'value DOUBLE']);
    expect((await db.query('select model, value from mine.eu order by model')).rows).toEqual([
      { model: 'a', value: 0.5 },
      { model: 'b', value: 1.25 },
      { model: 'c', value: 2 },
      { model: 'd', value: -0.75 },
    ]);
    expect(notes).toEqual([
      'value was read as numbers with a decimal comma (“-0,75” as -0.75): the file separates fields with “;”, as spreadsheets do where the comma marks decimals.',
    ]);
    expect(info.mapping).not.toBeNull();
    expect((await db.query("select count(*) as n from main.results_all where upload = 'mine.eu'")).rows[0].n).toBe(4);
  });

  it('leaves a column as written when any value does not fit', async () => {
    const { info, notes } = await userData.add(file('model;metric;value;code\na;acc;0,5;1,2,3\nb;acc;n/a;4,5\n'), 'eu-mixed.csv');
    expect(types(info.columns)).toEqual(['model VARCHAR', 'metric VARCHAR', 'value VARCHAR', 'code VARCHAR']);
    expect((await db.query('select value, code from mine.eu_mixed order by model')).rows).toEqual([
      { value: '0,5', code: '1,2,3' },
      { value: 'n/a', code: '4,5' },
    ]);
    expect(notes.filter((n) => /decimal comma/.test(n))).toEqual([]);
  });

  it('keeps a comma-delimited file’s quoted “1,234” as written', async () => {
    const { info, notes } = await userData.add(file('model,metric,value,n\na,acc,1,"1,234"\nb,acc,2,"5,678"\n'), 'thousands.csv');
    expect(types(info.columns)).toContain('n VARCHAR');
    expect((await db.query('select n from mine.thousands order by model')).rows).toEqual([{ n: '1,234' }, { n: '5,678' }]);
    expect(notes).toEqual([]);
  });
});
