// A licence reads the same on badges, chart source lines and captions: never "NOASSERTION", never a
// bare "MIT" for data under mixed terms.
import { describe, expect, it } from 'vitest';
import { licenceText, licenceWords } from '../../src/lib/licence-words.ts';
import { tableSource } from '../../src/lib/charts/builder-source.ts';
import { builtCatalog } from './built-data.ts';

describe('licence words', () => {
  it('name the licence and flag restricted reuse', () => {
    expect(licenceText({ spdx: 'MIT', status: 'open' })).toBe('MIT');
    expect(licenceText({ spdx: 'MIT', status: 'mixed' })).toBe('MIT, mixed terms');
    expect(licenceText({ spdx: 'CC-BY-NC-SA-4.0', status: 'non-commercial' })).toBe('CC-BY-NC-SA-4.0, non-commercial');
    expect(licenceText({ spdx: 'NOASSERTION', status: 'unlicensed' })).toBe('unlicensed: all rights reserved');
    expect(licenceText({ spdx: null, status: 'unlicensed' })).toBe('unlicensed: all rights reserved');
    expect(licenceText({ spdx: null, status: 'not-shipped' })).toBe('no licence stated, not shipped here');
    expect(licenceWords({ spdx: 'MIT', status: 'mixed' })).toEqual({ name: 'MIT', flag: 'mixed terms', tone: 'warn' });
  });

  it('are what every chart of a catalog table says', () => {
    const catalog = builtCatalog();
    for (const entry of catalog.benchmarks)
      for (const table of entry.tables) expect(tableSource(table, entry).license).toBe(licenceText(entry.license));
    const results = catalog.shared.find((t) => t.name === 'results');
    if (results) expect(tableSource(results).license).toBe('per benchmark (column “benchmark”)');
  });
});
