// The data build holds a recipe's result_items to the results they stand behind: every itemized value
// is the mean of its items (to 1e-9), every item belongs to a results row, and no item is listed twice.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { resultItemsProblems } from '../../data/build/result-items.ts';

let conn: DuckDBConnection;
beforeEach(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE SCHEMA x;
    CREATE TABLE x.results AS SELECT * FROM (VALUES
      ('m1', 'acc', 'AP', 0.75), ('m2', 'acc', 'AP', 0.5), ('m1', 'acc', NULL, 1.0)) t(model, metric, subset, value);
    CREATE TABLE x.result_items AS SELECT * FROM (VALUES
      ('m1', 'acc', 'AP', 'i1', 1.0), ('m1', 'acc', 'AP', 'i2', 1.0), ('m1', 'acc', 'AP', 'i3', 1.0), ('m1', 'acc', 'AP', 'i4', 0.0),
      ('m2', 'acc', 'AP', 'i1', 1.0), ('m2', 'acc', 'AP', 'i2', 0.0),
      ('m1', 'acc', 'overall', 'i1', 1.0)) t(model, metric, subset, item, value);`);
});

describe('result_items checks', () => {
  it('pass when every itemized value is its items’ mean (a missing subset is "overall")', async () => {
    expect(await resultItemsProblems(conn, 'x')).toEqual([]);
  });

  it('name the results row whose value is not the mean of its items', async () => {
    await conn.run(`UPDATE x.results SET value = 0.7 WHERE model = 'm1' AND subset = 'AP'`);
    const problems = await resultItemsProblems(conn, 'x');
    expect(problems).toEqual([
      'result_items: the results row {"model":"m1","metric":"acc","subset":"AP"} gives 0.7, but the mean of its 4 items is 0.75 (they must agree to 1e-9)',
    ]);
    // Float noise of a sum is not a different number.
    await conn.run(`UPDATE x.results SET value = 0.75 + 1e-12 WHERE model = 'm1' AND subset = 'AP'`);
    expect(await resultItemsProblems(conn, 'x')).toEqual([]);
  });

  it('name items of no results row, items listed twice and rows without a value', async () => {
    await conn.run(`INSERT INTO x.result_items VALUES ('m3', 'acc', 'AP', 'i1', 1.0), ('m2', 'acc', 'AP', 'i2', 0.0), ('m2', 'acc', 'AP', NULL, 1.0)`);
    const problems = (await resultItemsProblems(conn, 'x')).join('\n');
    expect(problems).toContain('1 rows without a model, metric, item or value');
    expect(problems).toContain('1 items listed more than once for one results row, e.g.\n    {"model":"m2","metric":"acc","subset":"AP","item":"i2","times":2}');
    expect(problems).toContain('1 groups of item rows that belong to no results row (model, metric, subset), e.g.\n    {"model":"m3","metric":"acc","subset":"AP","items":1}');
  });
});
