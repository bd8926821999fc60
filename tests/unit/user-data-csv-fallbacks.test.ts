// CSV uploads DuckDB's read_csv refuses at first: a column with two date spellings is read as text (and
// the notes say so), a 3 MB line is read with a larger line limit; what DuckDB still refuses keeps its
// reason (the column, the size) and a line number that counts the file's own lines.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { UploadError } from '../../src/lib/db/user-data/upload-error.ts';
import { csvError } from '../../src/lib/db/user-data/user-tables.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir);
const file = (text: string) => new Blob([text]);

describe('CSV fallbacks', () => {
  it('reads a column with two date spellings as text, every value as written, and says so', async () => {
    const { info, notes } = await userData.add(file('model,metric,value,date\na,acc,1,2024-01-05\nb,acc,2,05/01/2024\n'), 'dates.csv');
    expect(info.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['model VARCHAR', 'metric VARCHAR', 'value BIGINT', 'date VARCHAR']);
    expect((await db.query('select date from mine.dates order by model')).rows).toEqual([{ date: '2024-01-05' }, { date: '05/01/2024' }]);
    expect(notes).toEqual([
      'date was read as text: most of its values read as DATE, but “2024-01-05” (line 2) does not, and no value was changed to make it fit.',
    ]);
    // Its result columns still join the leaderboards.
    expect(info.mapping).not.toBeNull();
  });

  it('reads a line longer than DuckDB’s 2 MB default, and names the size of one over the limit', async () => {
    const long = 'x'.repeat(3_000_000);
    const { info } = await userData.add(file(`model,notes\na,short\nb,${long}\n`), 'longline.csv');
    expect(info.rows).toBe(2);
    expect((await db.query('select length(notes) as n from mine.longline order by model')).rows).toEqual([{ n: 5 }, { n: 3_000_000 }]);
    const e = await userData.add(file(`model,notes\na,${'y'.repeat(17_000_000)}\n`), 'huge-line.csv').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UploadError);
    expect((e as UploadError).message).toBe(
      'huge-line.csv: a line is 17 MB long; lines up to 16 MB can be read. Split the long field or load the file as Parquet.',
    );
  });

  it('keeps the reason line of DuckDB’s CSV error, not only “CSV Error on Line: N”', () => {
    const e = csvError(
      'Conversion Error: CSV Error on Line: 3\nOriginal Line: b,acc,2,x\nError when converting column "value". Could not convert string "x" to \'BIGINT\'\n\n' +
        'Column value is being converted as type BIGINT\nPossible solutions:\n* Override the type\n\n  file = upload_x.csv\n  delimiter = , (Set By User)',
    );
    expect(e.message).toBe('DuckDB could not read it as CSV: Conversion Error on line 3: Error when converting column "value". Could not convert string "x" to \'BIGINT\'');
    expect(e.where).toEqual({ line: 3 });
  });
});
