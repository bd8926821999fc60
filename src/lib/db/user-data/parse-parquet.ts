// Parquet → rows with hyparquet (DuckDB's parquet extension is not available offline), typed by the
// file's own schema: 64-bit integers, dates, times and timestamps keep their type (read as exact
// integers, never through a JS Date); nested columns become JSON text, and the notes say so.
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { FileMetaData, SchemaTree } from 'hyparquet';
import type { StatedType } from './rows-to-arrow.ts';
import { UploadError } from './upload-error.ts';

export interface ParquetRows {
  rows: Record<string, unknown>[];
  names: string[];
  /** Columns whose type the schema states (the others are inferred from their values). */
  types: Record<string, StatedType>;
  /** What the reader changed that the user should know. */
  notes: string[];
}

/** Floor division, so an instant before 1970 rounds down like DuckDB's. */
const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

// Temporal values as integers since the epoch (microseconds, days): the Arrow columns take them as they are.
const PARSERS = {
  timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
  timestampFromMicroseconds: (us: bigint) => us,
  timestampFromNanoseconds: (ns: bigint) => floorDiv(ns, 1000n),
  dateFromDays: (days: number) => days,
};

/** A column of UTC instants (a TIMESTAMP adjusted to UTC, or the legacy millis/micros types). */
function isUtcInstant(c: SchemaTree): boolean {
  const { converted_type: ctype, logical_type: ltype } = c.element;
  // The logical type decides when present; the legacy types alone are UTC instants.
  if (ltype?.type === 'TIMESTAMP') return ltype.isAdjustedToUTC;
  return ctype === 'TIMESTAMP_MILLIS' || ctype === 'TIMESTAMP_MICROS';
}

/** The type a top-level column keeps, from its schema element; null: inferred from the values. */
function statedType(c: SchemaTree): StatedType | null {
  const e = c.element;
  const ctype = e.converted_type;
  const ltype = e.logical_type;
  if (c.children.length || e.repetition_type === 'REPEATED') return 'json';
  if (ctype === 'DECIMAL' || ltype?.type === 'DECIMAL') return 'double'; // hyparquet divides by the scale
  if (ctype === 'DATE' || ltype?.type === 'DATE') return 'date';
  // UTC instants are kept as plain TIMESTAMPs in UTC: DuckDB-WASM's time-zone functions would fetch its
  // ICU extension from another host, which this site never does.
  if (ltype?.type === 'TIMESTAMP' || isUtcInstant(c) || e.type === 'INT96') return 'timestamp';
  if ((ltype?.type === 'TIME' && ltype.unit === 'MICROS') || ctype === 'TIME_MICROS') return 'time';
  if (e.type === 'INT64') return ctype === 'UINT_64' || (ltype?.type === 'INTEGER' && !ltype.isSigned) ? 'uint64' : 'int64';
  return null;
}

function schemaNotes(columns: SchemaTree[]): string[] {
  const notes: string[] = [];
  const nested = columns.filter((c) => statedType(c) === 'json').map((c) => c.element.name);
  if (nested.length)
    notes.push(`${nested.join(', ')} ${nested.length === 1 ? 'is a nested column' : 'are nested columns'} (list, struct or map) in the file and ${nested.length === 1 ? 'was' : 'were'} kept as JSON text.`);
  const utc = columns.filter(isUtcInstant).map((c) => c.element.name);
  if (utc.length)
    notes.push(`${utc.join(', ')} ${utc.length === 1 ? 'holds' : 'hold'} instants with a time zone in the file; ${utc.length === 1 ? 'it is' : 'they are'} kept as TIMESTAMP in UTC (no time zone attached).`);
  for (const c of columns) {
    const { precision, scale } = c.element;
    if (statedType(c) === 'double' && (precision ?? 0) > 15)
      notes.push(`${c.element.name} is DECIMAL(${precision},${scale ?? 0}) in the file and was read as a double: digits past the 15th may differ.`);
  }
  return notes;
}

export async function parseParquet(bytes: Uint8Array): Promise<ParquetRows> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(file);
  } catch (e) {
    throw new UploadError(`the file is not a readable Parquet file: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const columns = parquetSchema(metadata).children;
  const names = columns.map((c) => c.element.name);
  const types: Record<string, StatedType> = {};
  for (const c of columns) {
    const t = statedType(c);
    if (t) types[c.element.name] = t;
  }
  try {
    const rows = (await parquetReadObjects({ file, metadata, parsers: PARSERS })) as Record<string, unknown>[];
    return { rows, names, types, notes: schemaNotes(columns) };
  } catch (e) {
    throw new UploadError(`the Parquet file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
