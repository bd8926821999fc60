// The checks a console script passes before it runs: DuckDB's lexing (strings, escape strings,
// dollar quotes, nested comments) so nothing hides a statement, which statements only read, and which
// would change the site's released tables (refused whoever typed them).
import { describe, expect, it } from 'vitest';
import { lexSql, sqlStatements } from '../../src/lib/console/sql-lexer.ts';
import { onlyReads, releasedNames, statementEffects } from '../../src/lib/console/statement-effects.ts';
import { queryGate } from '../../src/lib/console/query-gate.ts';
import { isPageableQuery } from '../../src/lib/console/statement.ts';
import { builtCatalog } from './built-data.ts';

const released = releasedNames(builtCatalog());
const texts = (sql: string) => sqlStatements(sql).map((s) => sql.slice(s.start, s.end));
const refused = (sql: string) => statementEffects(sql, released).find((e) => e.refusal)?.refusal ?? null;

describe('sql lexer', () => {
  it('splits at semicolons outside strings, identifiers, dollar quotes and comments', () => {
    expect(texts("select ';' ; select \"a;b\" ; -- x;\nselect $$;$$; select $t$ ' ; $t$")).toEqual([
      "select ';'",
      'select "a;b"',
      'select $$;$$',
      "select $t$ ' ; $t$",
    ]);
  });

  it('nests block comments as DuckDB does', () => {
    expect(texts('select /* a /* b */ ; drop table main.results */ 1')).toEqual(['select /* a /* b */ ; drop table main.results */ 1']);
  });

  it("ends an escape string at an unescaped quote (E'a\\'' is a')", () => {
    // A lexer without E'' would read the rest as one string and miss the UPDATE.
    expect(texts("select E'a\\''; update main.results set value = 0; select 'x'")).toHaveLength(3);
    const strings = lexSql("select e'it\\'s', 'it''s'").filter((t) => t.kind === 'string');
    expect(strings.map((t) => t.text)).toEqual(["it\\'s", "it's"]);
  });

  it('reads a word ending in e before a quote as a word, and $1 or a$b as no dollar quote', () => {
    expect(lexSql("somee'x'").map((t) => t.kind)).toEqual(['word', 'string']);
    expect(texts('select $1, a$b$c; select 2')).toHaveLength(2);
  });
});

describe('read-only statements', () => {
  it('knows queries from statements that change something', () => {
    for (const sql of ['select 1', 'from main.results', '(select 1)', 'values (1)', 'table main.models', 'show tables', 'describe main.results',
      'summarize main.results', 'explain update main.results set value = 1', 'pragma table_info(\'main.results\')', 'with t as (select 1) select * from t'])
      expect(onlyReads(sql), sql).toBe(true);
    for (const sql of ['create table t as select 1', 'insert into t values (1)', 'set threads = 1', 'pragma threads = 2', 'attach \'x.db\' as x',
      'with t as (select 1) insert into t2 select * from t', 'explain analyze delete from t', 'call dbgen(sf = 1)', 'select 1; drop table t'])
      expect(onlyReads(sql), sql).toBe(false);
    // A result page (#/sql/result?sql=…) opens only a query that reads.
    expect(isPageableQuery('with t as (select 1) update main.results set value = 1')).toBe(false);
  });
});

describe('writes to the released tables', () => {
  it('refuses DML, DDL and COPY into them, however the name is written', () => {
    for (const sql of [
      "UPDATE main.results SET value = 0.01 WHERE benchmark='personagym'",
      'update "main"."results" set value = 1',
      'UPDATE Main.Results SET value = 1',
      'delete from memory.main.results',
      'delete from memory.results',
      'insert or replace into main.claims values (1)',
      'insert into personagym.scores by name select 1 as x',
      'truncate personagym.questions',
      'drop table if exists main.models, main.results',
      'drop view main.results_all',
      'drop schema personagym cascade',
      'alter table main.results rename to old_results',
      'create or replace table main.results as select 1',
      "copy main.results from 'x.csv'",
      'merge into main.results using t on false when not matched then insert values (1)',
      "comment on table main.results is 'x'",
      "comment on column main.results.value is 'x'",
      'create index i on personagym.questions (persona_id)',
      'with t as (select 1) update main.results set value = 1',
      'explain analyze delete from main.results',
      'prepare p as update main.results set value = 9',
      // Bare names reach main's tables; a TEMP table of one of their names shadows it.
      'delete from results',
      'create temp table results as select 0.01 as value',
      // USE and search_path may only name main or mine: elsewhere bare names would reach a benchmark's tables.
      'use personagym',
      "set search_path = 'personagym,main'",
      'create temp view models as select 1',
      "attach ':memory:' as personagym",
      "attach 'main.db'",
      "attach ':memory:' as foo; use foo",
      "set search_path = 'foo.main'",
      'create macro avg(x) as 0.01',
      'create temp macro round(x) as 0',
      'create type varchar as integer',
      "select E'a\\''; update main.results set value = 0; select 'x'",
      // A transaction holds the tables the site loads on this connection; a ROLLBACK empties them.
      // The app's own view under main.results_all, and the schema that holds it.
      'drop view mine.results', 'create or replace view mine.results as select 1', 'drop schema mine cascade',
      'begin transaction', 'begin', 'start transaction', 'commit', 'end', 'rollback', 'abort',
      // Settings the site's own queries follow: DESC would reverse every leaderboard's rank.
      "set default_order = 'DESC'", "SET default_null_order = 'nulls_first'", 'set integer_division = true', 'reset default_order',
      "pragma default_order = 'DESC'", 'pragma enable_profiling',
    ])
      expect(refused(sql), sql).not.toBeNull();
  });

  it('lets copies, the visitor\'s own tables and the site\'s own schemas be used', () => {
    for (const sql of [
      'CREATE TABLE scratch AS SELECT * FROM main.results',
      'create temp table my_copy as select * from main.results; update my_copy set value = 0',
      'insert into mine.notes select * from main.results',
      'delete from mine.results_file',
      "attach ':memory:' as scratch_db",
      'use mine',
      "set search_path = 'main,mine'",
      "set variable cutoff = 0.5; select * from main.results where value > getvariable('cutoff')",
      'reset variable cutoff',
      // Bare names that are no table of main's: the site's pages name benchmark tables with their schema.
      'create temp table scores as select * from personagym.scores',
      'update personas set a = 6',
      'drop table scratch',
      "select * from main.results where model = 'update main.results'",
    ])
      expect(refused(sql), sql).toBeNull();
  });

  it('names the statement, the table and how to work on a copy', () => {
    const gate = queryGate("UPDATE main.results SET value = 0.01 WHERE benchmark='personagym'; SELECT 'hello'", released);
    expect(gate.kind).toBe('refuse');
    const message = gate.kind === 'refuse' ? gate.message : '';
    expect(message).toContain("Statement 1 of 2, UPDATE main.results SET value = 0.01 WHERE benchmark='personagym'");
    expect(message).toContain('would change main.results');
    expect(message).toContain('CREATE TEMP TABLE my_copy AS SELECT * FROM main.results');
  });
});

describe('query gate', () => {
  it('asks for text, then for a go-ahead before SQL reaches outside the site, else runs', () => {
    expect(queryGate('  \n', released)).toEqual({ kind: 'empty', message: 'Type a query first, e.g. SELECT 42.' });
    expect(queryGate("SELECT * FROM read_csv('https://example.com/a.csv')", released)).toEqual({
      kind: 'confirm',
      urls: ['https://example.com/a.csv'],
      changes: [],
    });
    expect(queryGate('SELECT 42', released)).toEqual({ kind: 'run' });
  });

  it('lists the statements of a link that do more than read, and runs typed ones', () => {
    const sql = 'create temp table t as select 1 as x;\n  insert into t values (2); select * from t';
    expect(queryGate(sql, released, true)).toEqual({
      kind: 'confirm',
      urls: [],
      changes: ['create temp table t as select 1 as x', 'insert into t values (2)'],
    });
    expect(queryGate(sql, released)).toEqual({ kind: 'run' });
    expect(queryGate('select 1; select 2', released, true)).toEqual({ kind: 'run' });
  });
});
