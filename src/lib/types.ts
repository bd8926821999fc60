// Types shared across the app: the build writes catalog.json with these shapes,
// the browser and the Node CLI read it. Keep this file free of runtime code.

/** How freely a benchmark's data may be reused; drives the license badge. */
export type LicenseStatus =
  | 'open' // a permissive or attribution licence (MIT, Apache-2.0, CC-BY…)
  | 'non-commercial' // CC-BY-NC or similar: research use only
  | 'unlicensed' // released without any licence: all rights reserved by default
  | 'mixed' // parts under different terms (e.g. embeds third-party text)
  | 'not-shipped'; // nothing of it is shipped here (claims and links only)

export interface License {
  /** SPDX id or the licence's own name, null when none is stated. */
  spdx: string | null;
  status: LicenseStatus;
  /** One or two sentences: who holds what, caveats (third-party text, NC terms). */
  note: string;
}

export interface Link {
  label: string;
  url: string;
}

/** One release file as pinned in a benchmark's sources.json. */
export interface SourceFile {
  /** Path under the benchmark's folder in the mirror, e.g. "raw/evaluations/x/scores.json". */
  path: string;
  /** Canonical download URL pinned to the source commit. */
  url: string;
  /** Repository ("owner/name") and commit the file comes from. */
  repo: string;
  commit: string;
  sha256: string;
  bytes: number;
  license: string;
}

/** A curated CSV we ship (our transcription of a paper table or a derived list). */
export interface CuratedFile {
  /** Path under data/benchmarks/<id>/, e.g. "paper_tables/abstract_claims.csv". */
  path: string;
  sha256: string;
  bytes: number;
  /** Where its facts come from, as SOURCES.md says. */
  provenance: string;
}

export type ColumnKind = 'string' | 'number' | 'boolean';

export interface ColumnDoc {
  name: string;
  /** DuckDB type name as built, e.g. VARCHAR, DOUBLE, INTEGER, BOOLEAN. */
  type: string;
  kind: ColumnKind;
  description: string;
  unit: string | null;
}

export interface TableInfo {
  /** Table name inside the benchmark's schema. */
  name: string;
  /** Stable SQL name: "<schema>.<table>". */
  qualified: string;
  /** DuckDB schema the table lives in (the benchmark id with '-' → '_', or "main"). */
  schema: string;
  title: string;
  description: string;
  rows: number;
  columns: ColumnDoc[];
  /** Published file, relative to the site's data root, e.g. "personagym/results.arrow.gz". */
  file: string;
  /** Bytes of the published (compressed) file. */
  bytes: number;
  /** What the table is built from: release-file globs ("raw/questions/*.json") and curated paths. */
  sources: string[];
  /** How many release and curated files those globs cover (the list is in the benchmark's provenance file). */
  sourceCount: number;
  /** Rows the recipe skipped on purpose because the release is known to contain them. */
  skipped?: SkippedRows[];
  /** SQL the rows are read from when they are not a stored table (a query result opened in the table browser). */
  relation?: string;
  /** Summary numbers (per model, setting, statistic), not the release's items. */
  aggregate?: true;
}

export interface SkippedRows {
  file: string;
  count: number;
  reason: string;
}

/** A headline claim of the paper, built from a curated paper table row, never typed in code. */
export interface Claim {
  text: string;
  value: number | null;
  unit: string | null;
  /** Where it is printed (paper version, section) and which curated file/row holds it. */
  source: string;
}

/** 'items': some table holds item-level rows; 'tables': tables of summary numbers only. */
export type Availability = 'results' | 'items' | 'tables' | 'claims';

export interface BenchmarkEntry {
  id: string;
  /** DuckDB schema holding its tables. */
  schema: string;
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
  /** Where the data lives when we do not ship it (or ship only part). */
  dataLocation: string | null;
  /** What a visitor can do with it here: model results, item-level data, claims; empty = links only. */
  availability: Availability[];
  claims: Claim[];
  tables: TableInfo[];
  /** Rows this benchmark contributes to main.results. */
  resultsRows: number;
  /** Number of pinned release files; the list itself is in `provenanceFile` (kept out of the first screen). */
  sourceFileCount: number;
  /** Provenance file (relative to the data root), e.g. "personagym/provenance.json". */
  provenanceFile: string;
  curatedFiles: CuratedFile[];
}

/** Per-benchmark provenance, fetched when its page opens: every release file and which tables use it. */
export interface Provenance {
  sourceFiles: SourceFile[];
  /** Table name → the release and curated paths it was built from. */
  tableSources: Record<string, string[]>;
}

export interface Catalog {
  /** Version of the catalog format. */
  format: 1;
  benchmarks: BenchmarkEntry[];
  /** Cross-benchmark tables: main.results and main.models. */
  shared: TableInfo[];
}

// ---- query results as views see them (no BigInt, no Arrow) ----

export type CellValue = string | number | boolean | null;

export interface ResultColumn {
  name: string;
  /** DuckDB/Arrow type as a readable string, e.g. "Utf8", "Float64", "Int32". */
  type: string;
  kind: ColumnKind | 'other';
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: Record<string, CellValue>[];
  /** Wall time of the query in milliseconds. */
  elapsedMs: number;
}

// ---- the user's own tables (schema "mine"), kept in the browser ----

/** How a user table's columns become main.results rows; values are the table's column names. */
export interface ResultsMapping {
  model: string;
  metric: string;
  value: string;
  /** A column holding benchmark ids, or one id for every row (a catalog id, or "mine:<table>"). */
  benchmark: { column: string } | { fixed: string };
  subset: string | null;
  unit: string | null;
  /** A boolean column; when null the released rows' direction for the same metric is used, else higher. */
  higherIsBetter: string | null;
}

export interface UserTableInfo {
  /** Table name inside the "mine" schema. */
  name: string;
  /** "mine.<name>". */
  qualified: string;
  /** The file's own name (or the URL it was opened from). */
  fileName: string;
  format: 'csv' | 'jsonl' | 'json' | 'parquet';
  /** Size of the file as given. */
  bytes: number;
  rows: number;
  columns: { name: string; type: string }[];
  /** ISO time it was added. */
  addedAt: string;
  /** The URL it was fetched from, when opened by URL. */
  url: string | null;
  /** Set when its rows join main.results_all. */
  mapping: ResultsMapping | null;
}
