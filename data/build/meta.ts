// The hand-written description of one benchmark (data/benchmarks/<id>/meta.json) and its checks.
import fs from 'node:fs';
import path from 'node:path';
import type { License, Link } from '../../src/lib/types.ts';
import { benchmarksDir } from './paths.ts';
import { SPECIAL_TABLES } from './shared-tables.ts';

/** Maps mirror paths under a prefix to their pinned canonical URLs. */
export interface Release {
  /** Prefix of mirror paths this release covers, e.g. "raw/" or "raw/website/". */
  local: string;
  /** URL prefix the rest of the path is appended to (segment-encoded), pinned to `commit`. */
  url: string;
  repo: string;
  commit: string;
  license: string;
}

export interface ColumnMeta {
  description: string;
  unit?: string | null;
}

export interface TableMeta {
  title: string;
  description: string;
  /** Globs (relative to the benchmark folder) of the raw or curated files the table is built from. */
  sources: string[];
  columns: Record<string, ColumnMeta>;
  /** Row count the release documents; the build fails when the recipe produces another. */
  expectRows?: number;
  /** True for a table of summary numbers (per model, setting, statistic), not of the release's items. */
  aggregate?: boolean;
}

export interface CuratedMeta {
  /** Path under data/benchmarks/<id>/. */
  path: string;
  provenance: string;
}

export interface BenchmarkMeta {
  id: string;
  short: string;
  title: string;
  authors: string[];
  venue: string;
  year: number;
  arxiv: string | null;
  links: Link[];
  bibtex: string;
  summary: string;
  license: License;
  dataLocation: string | null;
  releases: Release[];
  curated: CuratedMeta[];
  tables: Record<string, TableMeta>;
  /** Describes the benchmark's rows in main.results when the recipe makes a `results` table. */
  results?: { description: string; sources: string[] };
}

const LICENSE_STATUSES = ['open', 'non-commercial', 'unlicensed', 'mixed', 'not-shipped'];

export function listBenchmarkIds(): string[] {
  return fs
    .readdirSync(benchmarksDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(benchmarksDir, d.name, 'meta.json')))
    .map((d) => d.name)
    .sort();
}

export function benchmarkDir(id: string): string {
  return path.join(benchmarksDir, id);
}

/** Reads and validates meta.json; throws one message listing every problem found. */
export function loadMeta(id: string): BenchmarkMeta {
  const file = path.join(benchmarkDir(id), 'meta.json');
  let meta: BenchmarkMeta;
  try {
    meta = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read meta.json: ${(e as Error).message}`);
  }
  const problems: string[] = [];
  const need = (cond: unknown, what: string) => {
    if (!cond) problems.push(what);
  };
  need(meta.id === id, `id must be "${id}" (folder name), got "${meta.id}"`);
  for (const k of ['short', 'title', 'venue', 'bibtex', 'summary'] as const)
    need(typeof meta[k] === 'string' && meta[k].trim(), `"${k}" must be a non-empty string`);
  need(Array.isArray(meta.authors) && meta.authors.length > 0, '"authors" must list at least one author');
  need(Number.isInteger(meta.year), '"year" must be an integer');
  need(meta.arxiv === null || /^\d{4}\.\d{4,5}$/.test(meta.arxiv ?? ''), '"arxiv" must be null or an id like 2407.18416');
  need(Array.isArray(meta.links), '"links" must be an array');
  need(meta.license && LICENSE_STATUSES.includes(meta.license.status), `"license.status" must be one of ${LICENSE_STATUSES.join(', ')}`);
  need(meta.license && typeof meta.license.note === 'string', '"license.note" must be a string');
  need(Array.isArray(meta.releases), '"releases" must be an array (empty when nothing is shipped)');
  need(Array.isArray(meta.curated), '"curated" must be an array');
  need(meta.tables && typeof meta.tables === 'object', '"tables" must be an object');
  for (const [name, t] of Object.entries(meta.tables ?? {})) {
    need(/^[a-z][a-z0-9_]*$/.test(name), `table name "${name}" must be lower_snake_case`);
    need(!SPECIAL_TABLES.includes(name), `table "${name}": ${SPECIAL_TABLES.join('/')} are special tables and are described elsewhere`);
    need(t.title && t.description, `table "${name}" needs a title and a description`);
    need(Array.isArray(t.sources) && t.sources.length > 0, `table "${name}" must name its source files`);
    need(t.aggregate === undefined || typeof t.aggregate === 'boolean', `table "${name}": "aggregate" must be true or false`);
    for (const [col, c] of Object.entries(t.columns ?? {}))
      need(c && typeof c.description === 'string' && c.description.trim(), `table "${name}" column "${col}" needs a description`);
  }
  for (const c of meta.curated ?? []) {
    need(fs.existsSync(path.join(benchmarkDir(id), c.path)), `curated file "${c.path}" does not exist`);
    need(c.provenance?.trim(), `curated file "${c.path}" needs its provenance`);
  }
  if (problems.length) throw new Error(`${file}:\n  - ${problems.join('\n  - ')}`);
  return meta;
}
