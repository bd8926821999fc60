// Downloads of rows that read the visitor's own tables: the uploads are named as theirs (no licence
// claimed), and a released benchmark is credited only for rows read from its released tables.
import { describe, expect, it } from 'vitest';
import { exportFileName, provenanceMetadata } from '../../src/lib/export/index.ts';
import { exportSources, userTablesNamed } from '../../src/lib/export/row-sources.ts';
import type { Catalog } from '../../src/lib/types.ts';

const gym = {
  id: 'personagym',
  short: 'PersonaGym',
  license: { spdx: 'MIT', status: 'open', note: 'MIT (Copyright (c) 2025 Vinay Samuel)' },
  links: [{ label: 'Code', url: 'https://example.org/personagym' }],
  bibtex: '@inproceedings{gym,\n  title = {PersonaGym}\n}',
  tables: [{ qualified: 'personagym.scores', columns: [{ name: 'model' }, { name: 'score' }] }],
};
const catalog = {
  shared: [{ qualified: 'main.results', columns: [{ name: 'benchmark' }, { name: 'model' }, { name: 'value' }] }],
  benchmarks: [gym],
} as unknown as Catalog;

const columns = [
  { name: 'model', kind: 'string' },
  { name: 'benchmark', kind: 'string' },
  { name: 'value', kind: 'number' },
];
const ownRows = [
  { model: 'my-agent', benchmark: 'personagym', value: 4.9 },
  { model: 'GPT-4o', benchmark: 'personagym', value: 1 },
];

describe('rows of the visitor’s own tables', () => {
  it('finds the uploads a query names, in any case or quoting, and nothing else', () => {
    const known = ['mine.gym', 'mine.other'];
    expect(userTablesNamed('select * from mine.gym', known)).toEqual(['mine.gym']);
    expect(userTablesNamed('select * from "MINE"."gym" g join personagym.scores s using (model)', known)).toEqual(['mine.gym']);
    expect(userTablesNamed('select * from personagym.scores', known)).toEqual([]);
    // Every mapped upload's rows (the app's view) and a table made in the console are the visitor's too.
    expect(userTablesNamed('select * from mine.results', known)).toEqual(['mine.results']);
    expect(userTablesNamed('select * from mine.gym join MINE.Scratch using (model)', known)).toEqual(['mine.gym', 'mine.scratch']);
  });

  it('credits no benchmark to an upload’s rows, whatever its benchmark column says', () => {
    const sources = exportSources(catalog, { released: [], mine: ['mine.gym'] }, columns, ownRows);
    expect(sources.benchmarks).toEqual([]);
    expect(sources.mine).toEqual(['mine.gym']);
    const p = { name: 'query', tables: [], benchmarks: sources.benchmarks, mine: sources.mine, sql: 'select * from mine.gym' };
    expect(exportFileName(p, 'csv')).toBe('query__mine.gym__your-data.csv');
    const meta = Object.fromEntries(provenanceMetadata(p, 'http://localhost/').map((kv) => [kv.key, kv.value]));
    expect(meta['personascope.source']).toMatch(/^mine\.gym \(exported from/);
    expect(meta['personascope.license']).toMatch(/^mine\.gym: your own data.*no licence is claimed/);
    expect(meta['personascope.license']).not.toMatch(/MIT|PersonaGym/);
    expect(meta['personascope.citation']).toBeUndefined();
    // The table's own page.
    expect(exportFileName({ name: 'mine.gym', tables: [], benchmarks: [], mine: ['mine.gym'] }, 'parquet')).toBe('mine.gym__your-data.parquet');
  });

  it('a join with a released table credits that table’s benchmark and names the upload too', () => {
    const sources = exportSources(catalog, { released: ['personagym.scores'], mine: ['mine.gym'] }, columns, ownRows);
    expect(sources.benchmarks.map((b) => b.id)).toEqual(['personagym']);
    const p = { name: 'query', tables: ['personagym.scores'], benchmarks: sources.benchmarks, mine: sources.mine };
    expect(exportFileName(p, 'csv')).toBe('query__personagym+mine.gym__MIT+your-data.csv');
    const licence = provenanceMetadata(p, 'x').find((kv) => kv.key === 'personascope.license')!.value;
    expect(licence.split('\n')).toEqual([expect.stringMatching(/^PersonaGym: MIT/), expect.stringMatching(/^mine\.gym: your own data/)]);
  });

  it('rows of main.results_all: only the released ones credit their benchmark; the others name their upload', () => {
    const flagged = [...columns, { name: 'is_mine', kind: 'boolean' }, { name: 'upload', kind: 'string' }];
    const mineOnly = [{ model: 'my-agent', benchmark: 'personagym', value: 4.9, is_mine: true, upload: 'mine.gym' }];
    const sources = exportSources(catalog, { released: ['main.results'], mine: [] }, flagged, mineOnly);
    expect(sources).toEqual({ benchmarks: [], mine: ['mine.gym'] });
    const both = [...mineOnly, { model: 'gpt-4o', benchmark: 'personagym', value: 1, is_mine: false, upload: null }];
    const mixed = exportSources(catalog, { released: ['main.results'], mine: [] }, flagged, both);
    expect(mixed.benchmarks.map((b) => b.id)).toEqual(['personagym']);
    expect(mixed.mine).toEqual(['mine.gym']);
  });

  it('rows of a released shared table keep crediting the benchmarks they name', () => {
    const sources = exportSources(catalog, { released: ['main.results'], mine: [] }, columns, ownRows);
    expect(sources).toEqual({ benchmarks: [gym], mine: [] });
  });
});
