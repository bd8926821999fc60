// `npm run sql` from the terminal: same tables and names as the browser.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sql = (...args: string[]) => run('npx', ['tsx', 'scripts/sql.ts', ...args]);

describe('sql CLI', () => {
  it('prints rows as JSON with --json', async () => {
    const { stdout } = await sql('--json', "select task, count(*) as n from personagym.questions where task = 'Toxicity' group by task");
    expect(JSON.parse(stdout)).toEqual([{ task: 'Toxicity', n: 2000 }]);
  });

  it('prints an aligned table with the row count', async () => {
    const { stdout } = await sql('select model_id from main.models order by model_id limit 2');
    const lines = stdout.trim().split('\n');
    expect(lines[0].trim()).toBe('model_id');
    expect(lines.at(-1)).toMatch(/^\(2 rows, [\d.]+ ms\)$/);
  });

  it('exits non-zero with DuckDB’s message and position on a bad query', async () => {
    const err = await sql('select * from personagym.nope').catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/Table with name nope does not exist/);
    expect(err.stderr).toMatch(/at line 1, column 15/);
  });
});
