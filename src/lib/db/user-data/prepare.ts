// Everything done to a user's file before DuckDB sees it: size cap, format, encoding, emptiness;
// JSON and Parquet become Arrow here. Runs in a Web Worker in the browser and directly in Node tests.
import { detectFormat, type UploadFormat } from './formats.ts';
import { formatBytes, MAX_UPLOAD_BYTES } from './limits.ts';
import { parseJsonArray, parseJsonLines } from './parse-json.ts';
import { parseParquet } from './parse-parquet.ts';
import { columnNames, rowsToArrowIPC } from './rows-to-arrow.ts';
import { checkNotEmpty, checkUtf8, delimiterName, firstUnevenLine, sniffDelimiter } from './text-checks.ts';
import { UploadError } from './upload-error.ts';

export type Prepared =
  /** CSV is read by DuckDB's own read_csv from these bytes (BOM removed). */
  | { format: 'csv'; bytes: Uint8Array; delimiter: string | null; head: string }
  | { format: Exclude<UploadFormat, 'csv'>; ipc: Uint8Array; rows: number; notes?: string[] };

/** Refuses a file over the cap before reading a byte of it. */
export function checkSize(bytes: number): void {
  if (bytes > MAX_UPLOAD_BYTES)
    throw new UploadError(`the file is ${formatBytes(bytes)}; files up to ${formatBytes(MAX_UPLOAD_BYTES)} can be loaded in the browser.`);
}

export async function prepareBytes(bytes: Uint8Array, fileName: string, contentType = ''): Promise<Prepared> {
  checkSize(bytes.length);
  checkNotEmpty(bytes);
  const format = detectFormat(fileName, bytes, contentType);
  // Named Parquet but without its magic bytes: a cut-off download or another file renamed. Read as
  // CSV it would fail as "not UTF-8", which points the wrong way.
  if (format !== 'parquet' && /\.parquet$/i.test(fileName.replace(/[?#].*$/, '')))
    throw new UploadError('the file is named .parquet but is not a Parquet file: it does not start with the bytes "PAR1" (a cut-off download, or another file renamed?).');
  if (format === 'parquet') {
    const { rows, names, types, notes } = await parseParquet(bytes);
    return { format, ipc: rowsToArrowIPC(rows, names, types), rows: rows.length, notes };
  }
  const bom = checkUtf8(bytes);
  const body = bytes.subarray(bom);
  const start = new TextDecoder().decode(body.subarray(0, 512)).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || contentType.startsWith('text/html'))
    throw new UploadError('this is an HTML page, not a table: give a CSV, JSON lines, JSON or Parquet file.');
  if (format === 'csv') {
    const head = new TextDecoder().decode(body.subarray(0, 64 * 1024));
    const delimiter = sniffDelimiter(head);
    // DuckDB's sniffer fails on an uneven row without saying where: find it first.
    const uneven = delimiter ? firstUnevenLine(body, delimiter) : null;
    if (uneven)
      throw new UploadError(
        `line ${uneven.line} has ${uneven.fields} fields where the header has ${uneven.expected} (delimiter ${delimiterName(delimiter!)}). ` +
          'Quote fields that contain the delimiter, or fix that line.',
        { line: uneven.line, row: uneven.line - 1, column: Math.min(uneven.fields, uneven.expected) + 1 },
      );
    return { format, bytes: body, delimiter, head };
  }
  const text = new TextDecoder().decode(body);
  const rows = format === 'json' ? parseJsonArray(text) : parseJsonLines(text);
  return { format, ipc: rowsToArrowIPC(rows, columnNames(rows)), rows: rows.length };
}
