// Downloads: CSV quoting, JSON rows, Parquet written and read back (hyparquet) with its provenance
// metadata, file names carrying source and licence, and combined BibTeX.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { benchmarksOf, combinedBibtex } from '../../src/lib/export/bibtex.ts';
import { csvField, exportFileName, provenanceMetadata, toCsv, toJson, type ExportProvenance } from '../../src/lib/export/index.ts';
import { toParquet } from '../../src/lib/export/parquet.ts';
import type { Catalog, QueryResult } from '../../src/lib/types.ts';

const result: Pick<QueryResult, 'columns' | 'rows'> = {
  columns: [
    { name: 'id', type: 'Int32', kind: 'number' },
    { name: 'text', type: 'Utf8', kind: 'string' },
    { name: 'score', type: 'Float64', kind: 'number' },
    { name: 'ok', type: 'Bool', kind: 'boolean' },
  ],
  rows: [
    { id: 1, text: 'plain', score: 0.125, ok: true },
    { id: 2, text: 'comma, "quote"\nand line', score: null, ok: false },
    { id: 3, text: null, score: -1e-9, ok: null },
  ],
};

const bench = (id: string, spdx: string | null, status: 'open' | 'unlicensed', key: string) => ({
  id,
  short: id,
  license: { spdx, status, note: `${id} licence note` },
  links: [{ label: 'Code', url: `https://example.org/${id}` }],
  bibtex: `@inproceedings{${key},\n  title = {${id}}\n}`,
});

describe('CSV', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('a')).toBe('a');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(false)).toBe('false');
  });

  it('writes a header and one CRLF line per row', () => {
    expect(toCsv(result)).toBe(
      'id,text,score,ok\r\n1,plain,0.125,true\r\n2,"comma, ""quote""\nand line",,false\r\n3,,-1e-9,\r\n',
    );
    expect(toCsv({ columns: result.columns, rows: [] })).toBe('id,text,score,ok\r\n');
  });
});

describe('JSON', () => {
  it('is an array of row objects that parses back to the rows', () => {
    const text = toJson(result);
    expect(JSON.parse(text)).toEqual(result.rows);
    expect(text.split('\n')).toHaveLength(result.rows.length + 3);
    expect(toJson({ columns: result.columns, rows: [] })).toBe('[]\n');
  });
});

describe('Parquet', () => {
  const provenance: ExportProvenance = {
    name: 'query',
    tables: ['personagym.questions'],
    benchmarks: [bench('personagym', 'MIT', 'open', 'samuel2024personagym')],
    sql: 'select * from personagym.questions',
  };

  it('round-trips rows, types and provenance metadata', async () => {
    const buffer = toParquet(result, provenanceMetadata(provenance, 'http://localhost/'));
    const rows = await parquetReadObjects({ file: buffer });
    expect(rows).toEqual(result.rows);
    const meta = parquetMetadata(buffer);
    expect(Number(meta.num_rows)).toBe(3);
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv['personascope.source']).toContain('personagym.questions');
    expect(kv['personascope.license']).toContain('MIT');
    expect(kv['personascope.query']).toBe(provenance.sql);
    expect(kv['personascope.citation']).toContain('samuel2024personagym');
    const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, s.type]));
    expect(types).toEqual({ id: 'INT32', text: 'BYTE_ARRAY', score: 'DOUBLE', ok: 'BOOLEAN' });
  });

  it('writes an empty result with its columns', async () => {
    const buffer = toParquet({ columns: result.columns, rows: [] });
    expect(Number(parquetMetadata(buffer).num_rows)).toBe(0);
    expect(await parquetReadObjects({ file: buffer })).toEqual([]);
  });
});

describe('file names', () => {
  it('carry the source and the licence', () => {
    const one = bench('personagym', 'MIT', 'open', 'a');
    const two = bench('twin2k500', 'Apache-2.0', 'open', 'b');
    const none = bench('spp', null, 'unlicensed', 'c');
    expect(exportFileName({ name: 'personagym.questions', tables: ['personagym.questions'], benchmarks: [one] }, 'csv')).toBe(
      'personagym.questions__MIT.csv',
    );
    expect(exportFileName({ name: 'query', tables: [], benchmarks: [one, two, none] }, 'parquet')).toBe(
      'query__personagym+twin2k500+spp__MIT+Apache-2.0+unlicensed.parquet',
    );
    expect(exportFileName({ name: 'main.results', tables: ['main.results'], benchmarks: [] }, 'json')).toBe(
      'main.results__licences-per-benchmark.json',
    );
    const four = bench('personabench', 'CC-BY-NC-SA-4.0', 'open', 'd');
    expect(exportFileName({ name: 'query', tables: [], benchmarks: [one, two, none, four] }, 'csv')).toBe(
      'query__4-benchmarks__mixed-licences.csv',
    );
    // The filtered rows of a result page.
    expect(exportFileName({ name: 'query.filtered', tables: ['personagym.scores'], benchmarks: [one] }, 'csv')).toBe('query.filtered__personagym__MIT.csv');
  });
});

describe('combined BibTeX', () => {
  it('keeps each benchmark once, in catalog order', () => {
    const catalog = {
      format: 1,
      shared: [],
      benchmarks: [
        { ...bench('personagym', 'MIT', 'open', 'pg'), tables: [{ qualified: 'personagym.questions' }] },
        { ...bench('spp', null, 'unlicensed', 'spp'), tables: [{ qualified: 'spp.instance_scores' }] },
        { ...bench('papi', null, 'unlicensed', 'papi'), tables: [{ qualified: 'papi.answers' }] },
      ],
    } as unknown as Catalog;
    const used = benchmarksOf(catalog, ['spp.instance_scores', 'personagym.questions', 'main.results'], ['spp']);
    expect(used.map((b) => b.id)).toEqual(['personagym', 'spp']);
    const text = combinedBibtex([...used, used[0]]);
    expect(text.match(/@inproceedings/g)).toHaveLength(2);
    expect(text.indexOf('{pg,')).toBeLessThan(text.indexOf('{spp,'));
    expect(combinedBibtex([])).toBe('');
  });
});
