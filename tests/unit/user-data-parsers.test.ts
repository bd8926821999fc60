// Checks on user files before DuckDB sees them: empty files, encodings (with the byte offset),
// broken JSON lines (with the line), delimiter sniffing, the size cap, and a Parquet round trip.
import { tableFromIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/lib/db/user-data/formats.ts';
import { safeTableName, uniqueName } from '../../src/lib/db/user-data/names.ts';
import { parseJsonArray, parseJsonLines } from '../../src/lib/db/user-data/parse-json.ts';
import { formatBytes } from '../../src/lib/db/user-data/limits.ts';
import { checkSize, prepareBytes } from '../../src/lib/db/user-data/prepare.ts';
import { checkNotEmpty, checkUtf8, explainOneColumn, firstInvalidUtf8, firstUnevenLine, sniffDelimiter } from '../../src/lib/db/user-data/text-checks.ts';
import { UploadError, asUploadError, encodeUploadError } from '../../src/lib/db/user-data/upload-error.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fails = (fn: () => unknown): UploadError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UploadError);
    return e as UploadError;
  }
  throw new Error('expected an UploadError');
};
const failsAsync = async (p: Promise<unknown>): Promise<UploadError> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UploadError);
  return e as UploadError;
};

describe('empty files', () => {
  it('refuses 0 bytes and whitespace-only files', () => {
    expect(fails(() => checkNotEmpty(new Uint8Array())).message).toMatch(/empty \(0 bytes\)/);
    expect(fails(() => checkNotEmpty(utf8('\n  \r\n'))).message).toMatch(/only blank lines/);
    checkNotEmpty(utf8('a\n'));
  });
});

describe('encoding', () => {
  it('accepts UTF-8 (with or without BOM) and finds the first bad byte', () => {
    expect(firstInvalidUtf8(utf8('héllo — “quotes” 😀'))).toBe(-1);
    expect(checkUtf8(utf8('\uFEFFa,b\n'))).toBe(3);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1); // cut at the end
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  it('names the byte offset and line of Latin-1 text', () => {
    // "model,metric\nCafé,x" in Latin-1: é is 0xE9 at offset 16.
    const bytes = new Uint8Array([...utf8('model,metric\nCaf'), 0xe9, ...utf8(',x\n')]);
    const e = fails(() => checkUtf8(bytes));
    expect(e.where).toEqual({ offset: 16, line: 2 });
    expect(e.message).toMatch(/byte 0xE9 at byte offset 16 \(line 2\).*Latin-1/);
  });

  it('recognises UTF-16 by its byte-order mark', () => {
    const e = fails(() => checkUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00])));
    expect(e.message).toMatch(/UTF-16 \(little-endian/);
  });
});

describe('JSON', () => {
  it('parses JSON lines, skipping blank lines', () => {
    expect(parseJsonLines('{"a":1}\n\n{"a":2,"b":"x"}\r\n')).toEqual([{ a: 1 }, { a: 2, b: 'x' }]);
  });

  it('names the broken line and column', () => {
    const e = fails(() => parseJsonLines('{"a":1}\n{"a":2}\n{"a":3,}\n{"a":4}'));
    expect(e.where.line).toBe(3);
    expect(e.where.column).toBe(8);
    expect(e.message).toMatch(/^line 3 is not valid JSON \(column 8\)/);
    expect(fails(() => parseJsonLines('{"a":1}\n[1,2]')).message).toMatch(/line 2 is not a JSON object \(it is an array\)/);
    // V8 quotes the broken text (cut to "..." when long); the message keeps only the reason.
    const long = fails(() => parseJsonLines(`{"text": "${'x'.repeat(60)}", "b": oops}`));
    expect(long.message).toBe("line 1 is not valid JSON (column 79): Unexpected token 'o'. Each line must hold one JSON object.");
  });

  it('keeps every digit of integers beyond 2^53 (ids), as text, and still names a broken place in the text as given', () => {
    expect(parseJsonLines('{"id":1234567890123456789}\n{"id":1234567890123456790}').map((r) => r.id)).toEqual(['1234567890123456789', '1234567890123456790']);
    expect(parseJsonArray('[{"id":1234567890123456789,"n":2}]')).toEqual([{ id: '1234567890123456789', n: 2 }]);
    expect(fails(() => parseJsonLines('{"id":1234567890123456789,}')).where.column).toBe(27);
  });

  it('reads a JSON array and names its broken place', () => {
    expect(parseJsonArray('[{"a":1},{"a":2}]')).toHaveLength(2);
    expect(fails(() => parseJsonArray('[{"a":1},\n {"a":}]')).where).toEqual({ line: 2, column: 7 });
    expect(fails(() => parseJsonArray('{"a":1}')).message).toMatch(/not an array/);
  });

  it('turns JSON lines into Arrow with inferred types', async () => {
    const p = await prepareBytes(utf8('{"model":"m","value":1,"ok":true}\n{"model":"n","value":2.5,"extra":{"x":1}}\n'), 'r.jsonl');
    expect(p.format).toBe('jsonl');
    if (p.format === 'csv') throw new Error('unreachable');
    const t = tableFromIPC(p.ipc);
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['model:Utf8', 'value:Float64', 'ok:Bool', 'extra:Utf8']);
    expect(t.get(1)?.toJSON()).toEqual({ model: 'n', value: 2.5, ok: null, extra: '{"x":1}' });
  });
});

describe('CSV delimiters', () => {
  it('sniffs the delimiter that splits every line evenly', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n"x\ty"\t2\n')).toBe('\t');
    expect(sniffDelimiter('just one column\nvalue\n')).toBe(null);
  });

  it('finds the first line with another number of fields, quotes respected', async () => {
    expect(firstUnevenLine(utf8('a,b\n"x,\ny",1\n\n2,3\r\n'), ',')).toBe(null);
    expect(firstUnevenLine(utf8('a,b\n"x\ny",1\n1,2,3\n'), ',')).toEqual({ line: 4, fields: 3, expected: 2 });
    const lines = ['model,metric,value', ...Array.from({ length: 50 }, (_, i) => `m${i},acc,${i}`), 'm,acc,1,extra'];
    const e = await failsAsync(prepareBytes(utf8(lines.join('\n')), 'deep.csv'));
    expect(e.message).toBe('line 52 has 4 fields where the header has 3 (delimiter “,”). Quote fields that contain the delimiter, or fix that line.');
    expect(e.where).toEqual({ line: 52, row: 51, column: 4 });
  });

  it('explains a one-column file by the first uneven line', () => {
    expect(explainOneColumn('model\na\n')).toBe(null);
    expect(explainOneColumn('model~metric~value\na~b~1\n')).toBe('split on “~” the lines have 3 fields each');
    expect(explainOneColumn('model;metric;value\na;b;1\nc;d\n')).toMatch(/“;” the header has 3 fields but line 3 has 2/);
  });
});

describe('formats, names, sizes', () => {
  it('detects the format from content first, then the name', () => {
    expect(detectFormat('x.csv', utf8('PAR1....'))).toBe('parquet');
    expect(detectFormat('x.jsonl', utf8('{"a":1}'))).toBe('jsonl');
    expect(detectFormat('x.json', utf8('  [{"a":1}]'))).toBe('json');
    expect(detectFormat('data', utf8('{"a":1}\n'))).toBe('jsonl');
    expect(detectFormat('x.csv', utf8('a,b'))).toBe('csv');
  });

  it('makes safe, unique table names', () => {
    expect(safeTableName('My Results (v2).csv')).toBe('my_results_v2');
    expect(safeTableName('C:\\tmp\\2024-run.jsonl')).toBe('t_2024_run');
    expect(safeTableName('résumé.parquet')).toBe('resume');
    expect(safeTableName('results.csv')).toBe('results_file');
    // The Score page writes mine.scores and mine.score_statements: an upload never takes those names.
    expect(safeTableName('Scores.csv')).toBe('scores_file');
    expect(safeTableName('score_statements.jsonl')).toBe('score_statements_file');
    expect(safeTableName('???.csv')).toBe('table');
    expect(uniqueName('a', ['a', 'a_2'])).toBe('a_3');
  });

  it('refuses a file over 1 GB, naming its size', () => {
    expect(formatBytes(41)).toBe('41 bytes');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(fails(() => checkSize(2 * 1024 ** 3)).message).toBe('the file is 2.1 GB; files up to 1 GB can be loaded in the browser.');
    checkSize(100 * 1000 ** 2);
  });

  it('refuses an HTML page', async () => {
    expect((await failsAsync(prepareBytes(utf8('<!DOCTYPE html><html></html>'), 'data.csv'))).message).toMatch(/HTML page, not a table/);
  });

  it('keeps where an error is across a worker boundary', () => {
    const sent = encodeUploadError(new UploadError('line 3 is broken', { line: 3, column: 2 }));
    const back = asUploadError(new Error(sent.message), 'x.jsonl');
    expect(back.message).toBe('x.jsonl: line 3 is broken');
    expect(back.where).toEqual({ line: 3, column: 2 });
  });
});

describe('Parquet', () => {
  it('round-trips a file written by hyparquet-writer into Arrow', async () => {
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'model', data: ['a', 'b', null], type: 'STRING' },
        { name: 'value', data: [1.5, 2, 3], type: 'DOUBLE' },
        { name: 'n', data: [1n, 2n, 3n], type: 'INT64' }, // stays 64-bit (BIGINT), never rounded through a double
      ],
    });
    const p = await prepareBytes(new Uint8Array(buf), 'x.parquet');
    if (p.format !== 'parquet') throw new Error(`read as ${p.format}`);
    const t = tableFromIPC(p.ipc);
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { model: 'a', value: 1.5, n: 1n },
      { model: 'b', value: 2, n: 2n },
      { model: null, value: 3, n: 3n },
    ]);
    expect((await failsAsync(prepareBytes(new Uint8Array([...utf8('PAR1'), 1, 2, 3, 4]), 'bad.parquet'))).message).toMatch(/not a readable Parquet/);
    // Named .parquet without the magic bytes: said as such, not as a text file that is "not UTF-8".
    expect((await failsAsync(prepareBytes(new Uint8Array([0x00, 0xff, 0xfe, 0x80]), 'cut.parquet'))).message).toMatch(/^the file is named \.parquet but is not a Parquet file/);
  });
});

describe('JSON error offsets', () => {
  it('points at the first bad character', async () => {
    const { jsonErrorOffset } = await import('../../src/lib/db/user-data/json-error-offset.ts');
    expect(jsonErrorOffset('{"a":[1,2,{"b":null}],"c":"x\\n"}')).toBe(-1);
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset('{"a":tru}')).toBe(8);
    expect(jsonErrorOffset('{"a":"x')).toBe(7);
  });
});
