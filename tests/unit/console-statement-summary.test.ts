// The console's summary for statements with no rows of their own says what ran ("Done: CREATE TEMP
// VIEW") instead of "0 rows · 1 column" over an empty Count column; its own paging table never shows
// in SHOW TABLES.
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_TABLE, runConsoleQuery } from '../../src/lib/console/run-query.ts';
import { statementKind } from '../../src/lib/console/statement.ts';
import type { DbClient } from '../../src/lib/db/client.ts';
import { createNodeDb } from '../../src/lib/db/node.ts';

describe('statement kinds', () => {
  it('names the last statement by its leading keywords', () => {
    expect(statementKind('create temp view v1 as select 1')).toBe('CREATE TEMP VIEW');
    expect(statementKind('/* x */ CREATE OR REPLACE TEMPORARY TABLE t AS SELECT 1')).toBe('CREATE OR REPLACE TEMPORARY TABLE');
    expect(statementKind('select 1; drop view if exists v1;')).toBe('DROP VIEW IF EXISTS');
    expect(statementKind('SET threads = 1')).toBe('SET');
    expect(statementKind('set variable x = 1')).toBe('SET VARIABLE');
    expect(statementKind('  ')).toBe('');
  });
});

describe('console summaries (DuckDB-WASM, Node)', () => {
  let db: DbClient;
  beforeAll(async () => {
    db = createNodeDb();
    await db.boot();
  });

  it('says what ran for a statement with no rows of its own', async () => {
    const view = await runConsoleQuery(db, 'CREATE TEMP VIEW v1 AS SELECT 1 AS a');
    expect(view.ran).toBe('CREATE TEMP VIEW');
    expect((await runConsoleQuery(db, 'SET threads = 1')).ran).toBe('SET');
    // Rows a statement does give (a count of rows inserted, a query's rows, SHOW's) stay a result.
    expect((await runConsoleQuery(db, 'CREATE TEMP TABLE t1 AS SELECT 1 AS a')).ran).toBeUndefined();
    expect((await runConsoleQuery(db, 'SELECT * FROM v1 WHERE a > 5')).ran).toBeUndefined();
  });

  it('keeps its paging table out of SHOW TABLES', async () => {
    const paged = await runConsoleQuery(db, 'SELECT 1 AS a');
    expect(paged.paged).toBe(true);
    const shown = await runConsoleQuery(db, 'SHOW TABLES');
    expect((await shown.all()).rows.map((r) => r.name)).not.toContain(RESULT_TABLE);
  });
});
