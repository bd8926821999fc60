// The catalog describes all 29 benchmarks of the field, and every published table completely.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../data/build/manifest.ts';
import { listBenchmarkIds, loadMeta } from '../../data/build/meta.ts';
import type { Provenance } from '../../src/lib/types.ts';
import { searchBenchmarks } from '../../src/lib/catalog/search.ts';
import { builtCatalog, dataDir, sharedDb } from './built-data.ts';

const catalog = builtCatalog();

describe('catalog.json', () => {
  it('has one entry per benchmark of the field (29)', () => {
    expect(catalog.benchmarks.map((b) => b.id).sort()).toEqual(listBenchmarkIds());
    expect(catalog.benchmarks).toHaveLength(29);
  });

  it.each(catalog.benchmarks.map((b) => [b.id, b] as const))('%s: entry is complete and citable', (_id, b) => {
    expect(b.title.length).toBeGreaterThan(5);
    expect(b.authors.length).toBeGreaterThan(0);
    expect(b.bibtex).toMatch(/^@\w+\{[^,]+,[\s\S]*title\s*=[\s\S]*\}\s*$/);
    if (b.arxiv) expect(b.links.some((l) => l.url.includes(b.arxiv!))).toBe(true);
    expect(['open', 'non-commercial', 'unlicensed', 'mixed', 'not-shipped']).toContain(b.license.status);
    if (b.sourceFileCount === 0 && b.curatedFiles.length === 0) expect(b.availability).toEqual(b.claims.length ? ['claims'] : []);
    if (b.sourceFileCount > 0) expect(b.license.status).not.toBe('not-shipped');
    if (b.license.status === 'not-shipped' || b.sourceFileCount === 0) expect(b.dataLocation ?? b.links.length).toBeTruthy();
    for (const c of b.claims) expect(c.source).toMatch(/\S/);
    // Every release file with data behind a table is used by some table or documented as unused by none:
    // at least, a benchmark that ships release files publishes tables from them.
    if (b.sourceFileCount > 0) expect(b.tables.length).toBeGreaterThan(0);
  });

  it('says "item data" only where some table holds items; summary tables alone say so', () => {
    for (const b of catalog.benchmarks) {
      const items = b.tables.some((t) => !t.aggregate);
      expect(b.availability.includes('items'), b.id).toBe(items);
      expect(b.availability.includes('tables'), b.id).toBe(b.tables.length > 0 && !items);
    }
    // Only transcribed results tables (README or website numbers): no item of the release is here.
    for (const id of ['personamath', 'plip', 'personamem']) expect(catalog.benchmarks.find((b) => b.id === id)!.availability).not.toContain('items');
  });

  it('keeps every release file in the benchmark provenance file, and each table names the files it used', () => {
    for (const b of catalog.benchmarks) {
      const p = JSON.parse(fs.readFileSync(path.join(dataDir, b.provenanceFile), 'utf8')) as Provenance;
      expect(p.sourceFiles.map((f) => f.path)).toEqual(readManifest(b.id).map((f) => f.path));
      for (const t of b.tables) {
        expect(p.tableSources[t.name].length, t.qualified).toBe(t.sourceCount);
        const known = new Set([...p.sourceFiles.map((f) => f.path), ...b.curatedFiles.map((c) => c.path)]);
        for (const used of p.tableSources[t.name]) expect(known.has(used), `${t.qualified}: ${used}`).toBe(true);
      }
    }
  });

  it('names, for the shared results, result items and claims, the recipe files of exactly the benchmarks whose rows they hold', async () => {
    const db = sharedDb();
    for (const name of ['results', 'result_items', 'claims']) {
      const table = catalog.shared.find((t) => t.name === name)!;
      const rows = (await db.query(`SELECT DISTINCT benchmark FROM main.${name} ORDER BY benchmark`)).rows.map((r) => String(r.benchmark));
      expect([...new Set(table.sources.map((s) => s.split('/')[2]))]).toEqual(rows);
      for (const file of table.sources) expect(fs.existsSync(file), file).toBe(true);
    }
  });

  it('describes every column of every table, with rows and a published file', () => {
    for (const t of [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)]) {
      expect(t.qualified).toBe(`${t.schema}.${t.name}`);
      expect(t.columns.length, t.qualified).toBeGreaterThan(0);
      for (const c of t.columns) expect(c.description.trim(), `${t.qualified}.${c.name}`).not.toBe('');
      expect(fs.statSync(path.join(dataDir, t.file)).size).toBe(t.bytes);
      expect(t.sources.length, `${t.qualified} sources`).toBeGreaterThan(0);
      expect(t.sourceCount, `${t.qualified} source files`).toBeGreaterThan(0);
    }
  });

  it('matches the documented row counts of meta.json', () => {
    for (const b of catalog.benchmarks) {
      const meta = loadMeta(b.id);
      for (const t of b.tables) if (meta.tables[t.name].expectRows !== undefined) expect(t.rows, t.qualified).toBe(meta.tables[t.name].expectRows);
    }
  });

  it('keeps table names stable as <schema>.<table> with one schema per benchmark', () => {
    const schemas = new Set(catalog.benchmarks.map((b) => b.schema));
    expect(schemas.size).toBe(catalog.benchmarks.length);
    expect(catalog.shared.map((t) => t.qualified)).toEqual(['main.results', 'main.result_items', 'main.models', 'main.model_aliases', 'main.claims']);
  });

  it('search finds benchmarks by title, author, table and column words', () => {
    const gym = catalog.benchmarks.find((b) => b.id === 'personagym')!;
    expect(searchBenchmarks(catalog, 'personagym')).toContain(gym);
    expect(searchBenchmarks(catalog, gym.authors[0].split(' ').pop()!)).toContain(gym);
    expect(searchBenchmarks(catalog, 'question_index')).toContain(gym);
    expect(searchBenchmarks(catalog, 'zzzz-no-such-word')).toEqual([]);
    expect(searchBenchmarks(catalog, '')).toHaveLength(catalog.benchmarks.length);
  });
});
