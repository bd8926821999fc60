import { describe, expect, it } from 'vitest';
import { hasOutsideAccess, quoteIdent, quoteLiteral, sqlTokens } from '../../src/lib/db/sql-text.ts';
import { toDbError } from '../../src/lib/db/errors.ts';

describe('sql text helpers', () => {
  it('quotes identifiers and literals', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });

  it('finds URLs that would leave the site', () => {
    expect(hasOutsideAccess("select * from read_csv('https://example.org/x.csv')")).toEqual(['https://example.org/x.csv']);
    expect(hasOutsideAccess("ATTACH 's3://bucket/db.duckdb'")).toEqual(['s3://bucket/db.duckdb']);
    expect(hasOutsideAccess('select * from personagym.scores')).toEqual([]);
  });

  it('tokenises identifiers case-insensitively', () => {
    expect(sqlTokens('SELECT * FROM PersonaGym."Scores"')).toEqual(new Set(['select', 'from', 'personagym', 'scores']));
  });
});

describe('DuckDB error positions', () => {
  it('locates the caret on the right line and column', () => {
    const sql = 'select 1;\nselect * frm x';
    const e = toDbError(new Error('Parser Error: syntax error at or near "frm"\n\nLINE 2: select * frm x\n                 ^'), sql);
    expect(e.line).toBe(2);
    expect(e.column).toBe(10);
    expect(sql.slice(e.offset!, e.offset! + 3)).toBe('frm');
  });

  it('maps an abbreviated excerpt back onto the long line', () => {
    const sql = `select ${'a, '.repeat(60)}bogus( from t`;
    const excerpt = `...${'a, '.repeat(10)}bogus( from t`;
    const caret = ' '.repeat('LINE 1: '.length + 3 + 30) + '^';
    const e = toDbError(new Error(`Parser Error: syntax error\n\nLINE 1: ${excerpt}\n${caret}`), sql);
    expect(sql.slice(e.offset!, e.offset! + 5)).toBe('bogus');
  });

  it('keeps the message once when the engine repeats the position block', () => {
    const block = 'LINE 1: selec 1\n        ^';
    const e = toDbError(new Error(`Parser Error: syntax error at or near "selec"\n\n${block}\n\n${block}`), 'selec 1');
    expect(e.message.match(/LINE 1/g)).toHaveLength(1);
    expect(e.column).toBe(1);
  });

  it('leaves position empty when the error has none', () => {
    const e = toDbError(new Error('Out of Memory Error: failed'), 'select 1');
    expect(e.line).toBeUndefined();
    expect(e.message).toBe('Out of Memory Error: failed');
  });
});

describe('names a query refers to', () => {
  it('separates schema.table pairs from bare words', async () => {
    const { sqlNames } = await import('../../src/lib/db/sql-text.ts');
    const n = sqlNames('select * from personagym.questions q join "personabench"."people" p on true, results');
    expect([...n.qualified].sort()).toEqual(['personabench.people', 'personagym.questions']);
    expect(n.bare.has('results')).toBe(true);
    expect(n.bare.has('questions')).toBe(false);
  });
});

describe('duckdb-wasm JSON errors', () => {
  it('unwraps the browser worker\'s JSON error and uses its exact position', () => {
    const sql = 'select 1;\nselect *\nfrm x';
    const raw = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "frm"', position: String(sql.indexOf('frm')) });
    const e = toDbError(new Error(raw), sql);
    expect(e.message).toBe('Parser Error: syntax error at or near "frm"');
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(sql.slice(e.offset!)).toBe('frm x');
  });
});
