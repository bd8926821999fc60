// What travels with an exported file: which tables and benchmarks the rows come from, under which
// licences, and the query that made them. The file name carries the short form (every format);
// Parquet also stores the long form as key-value metadata. CSV gets no header comment (that is not valid CSV).
import type { BenchmarkEntry } from '../types.ts';
import { statedSpdx } from '../licence-words.ts';

export interface ExportProvenance {
  /** What the rows are: a table ("personagym.questions") or "query". */
  name: string;
  /** Catalog tables the rows were read from. */
  tables: string[];
  /** Benchmarks those tables belong to (none for rows of main.* alone). */
  benchmarks: Pick<BenchmarkEntry, 'id' | 'short' | 'license' | 'links' | 'bibtex'>[];
  /** The visitor's own tables the rows come from ("mine.gym"): named as theirs, no licence claimed. */
  mine?: string[];
  /** The SQL that produced the rows, when it is not a whole table. */
  sql?: string;
  /** The page (URL) whose filtered rows these are, when filtered. */
  view?: string;
}

/** A benchmark's licence as a short word: its SPDX id, else its status ("unlicensed", "mixed"). */
export function licenseLabel(b: Pick<BenchmarkEntry, 'license'>): string {
  return statedSpdx(b.license) ?? b.license.status;
}

/** Keeps a file name portable: letters, digits and . _ + - only. */
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The word a file name gives the visitor's own rows in place of a licence. */
const YOUR_DATA = 'your-data';

/**
 * "personagym.questions__MIT.csv", "query__personagym+twin2k500__MIT+Apache-2.0.parquet",
 * "query.filtered__personagym__MIT.csv"; rows of the shared main.* tables only:
 * "main.results__licences-per-benchmark.csv"; the visitor's own rows: "mine.gym__your-data.csv",
 * "query__personagym+mine.gym__MIT+your-data.csv".
 */
export function exportFileName(p: ExportProvenance, ext: string): string {
  const mine = p.mine ?? [];
  const licences = [...new Set(p.benchmarks.map(licenseLabel))];
  const licence =
    licences.length === 0 && mine.length === 0
      ? 'licences-per-benchmark'
      : licences.length > 3
        ? 'mixed-licences'
        : [...licences, ...(mine.length ? [YOUR_DATA] : [])].join('+');
  const sources = [...new Set([...p.benchmarks.map((b) => b.id), ...mine])];
  const query = p.name === 'query' || p.name === 'query.filtered';
  const source = query && sources.length > 0 ? `${p.name}__${sources.length > 3 ? `${sources.length}-${mine.length ? 'sources' : 'benchmarks'}` : sources.join('+')}` : p.name;
  return `${safe(source)}__${safe(licence)}.${ext}`;
}

/** The long form, as key-value pairs (Parquet metadata). */
export function provenanceMetadata(p: ExportProvenance, site: string): { key: string; value: string }[] {
  const mine = p.mine ?? [];
  const tables = [...new Set([...p.tables, ...mine])];
  const licences = [
    ...p.benchmarks.map((b) => `${b.short}: ${licenseLabel(b)} (${b.license.status}) — ${b.license.note}`),
    ...mine.map((t) => `${t}: your own data, kept in your browser — no licence is claimed for it.`),
  ];
  const kv = [
    { key: 'personascope.source', value: `${tables.join(', ') || p.name} (exported from ${site})` },
    {
      key: 'personascope.license',
      value: licences.join('\n') || 'Rows of the shared main.* tables: each row keeps the licence of its benchmark (column "benchmark").',
    },
  ];
  const links = p.benchmarks.flatMap((b) => b.links.map((l) => `${b.short}: ${l.label} ${l.url}`));
  if (links.length) kv.push({ key: 'personascope.links', value: links.join('\n') });
  const bib = p.benchmarks.map((b) => b.bibtex.trim()).filter(Boolean);
  if (bib.length) kv.push({ key: 'personascope.citation', value: bib.join('\n\n') });
  if (p.sql) kv.push({ key: 'personascope.query', value: p.sql });
  if (p.view) kv.push({ key: 'personascope.view', value: p.view });
  return kv;
}
