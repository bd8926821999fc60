// Checks on the raw bytes of a text file before any parser sees them: empty, encoding (with the
// byte offset of the first bad byte), and the CSV delimiter (to explain a one-column result).
import { isBinary, NOT_TEXT } from '../../text-file.ts';
import { UploadError } from './upload-error.ts';

/** Throws when there is nothing to read. */
export function checkNotEmpty(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UploadError('the file is empty (0 bytes).');
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return;
  throw new UploadError(`the file holds only blank lines (${bytes.length} bytes of whitespace).`);
}

/** 1-based line of byte `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8, or -1 when all of it is valid UTF-8.
 * A sequence cut by the end of the file counts as broken.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i; // cut off by the end of the file
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * UTF-16 without a byte-order mark: in its first 200 bytes, zero bytes sit between ASCII letters,
 * nearly all at even offsets (big-endian) or nearly all at odd ones (little-endian).
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 200);
  const pairs = Math.floor(head.length / 2);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  return pairs >= 2 && Math.max(even, odd) >= pairs * 0.8 && Math.min(even, odd) <= pairs * 0.1;
}

/** Throws an UploadError naming the encoding problem and where it is; returns the BOM length to skip. */
export function checkUtf8(bytes: Uint8Array): number {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new UploadError(
      `the file is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian byte-order mark at byte 0); save it as UTF-8 and upload it again.`,
      { offset: 0, line: 1 },
    );
  // Any other zero byte means binary data: calling that an encoding problem would point the wrong way.
  if (isBinary(bytes) && !looksLikeUtf16(bytes))
    throw new UploadError(`${NOT_TEXT}, nor Parquet: give a CSV, JSON lines, JSON or Parquet file.`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes.subarray(bom));
  if (bad < 0) return bom;
  const offset = bad + bom;
  const line = lineAt(bytes, offset);
  const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  const guess = looksLikeUtf16(bytes) ? 'it looks like UTF-16' : 'it may be Latin-1 / Windows-1252';
  throw new UploadError(
    `the file is not UTF-8: byte 0x${hex} at byte offset ${offset} (line ${line}) is not valid UTF-8; ${guess}. Save it as UTF-8 and upload it again.`,
    { offset, line },
  );
}

/** The first `maxLines` lines of the text, without quoted newlines' worry (good enough to sniff). */
function headLines(text: string, maxLines: number): string[] {
  return text.split(/\r?\n/, maxLines + 1).slice(0, maxLines).filter((l) => l.trim() !== '');
}

/** Fields per line for `delim`, ignoring delimiters inside double quotes. */
function countFields(line: string, delim: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delim && !quoted) n++;
  }
  return n;
}

export const DELIMITERS = [',', ';', '\t', '|', ':'] as const;

/**
 * The delimiter that splits the first lines into the same number (> 1) of fields, the most fields
 * winning; null when none does (a one-column file, or not a table).
 */
export function sniffDelimiter(text: string, maxLines = 20): string | null {
  const lines = headLines(text, maxLines);
  if (lines.length === 0) return null;
  let best: { delim: string; fields: number } | null = null;
  for (const delim of DELIMITERS) {
    const counts = lines.map((l) => countFields(l, delim));
    const fields = counts[0];
    if (fields > 1 && counts.every((c) => c === fields) && (!best || fields > best.fields)) best = { delim, fields };
  }
  return best?.delim ?? null;
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `“${d}”`;
}

/**
 * Why a CSV came out as one column: for each likely delimiter in the header, the first line whose
 * field count differs from the header's. Null when the header holds no likely delimiter.
 */
export function explainOneColumn(text: string, maxLines = 1000): string | null {
  const lines = headLines(text, maxLines);
  const header = lines[0] ?? '';
  const clues: string[] = [];
  // Any punctuation in the header may be the delimiter someone used ("~", "^", "#" …).
  const others = [...new Set(header.replace(/[\p{L}\p{N}_"'\s.,;\t|:-]/gu, ''))];
  for (const delim of [...DELIMITERS, ...others, ' ']) {
    const fields = countFields(header, delim);
    if (fields < 2) continue;
    const bad = lines.findIndex((l) => countFields(l, delim) !== fields);
    clues.push(
      bad < 0
        ? `split on ${delim === ' ' ? 'spaces' : delimiterName(delim)} the lines have ${fields} fields each`
        : `split on ${delim === ' ' ? 'spaces' : delimiterName(delim)} the header has ${fields} fields but line ${bad + 1} has ${countFields(lines[bad], delim)}`,
    );
  }
  return clues.length ? clues.join('; ') : null;
}

/**
 * The first line whose number of fields differs from the header's, reading the bytes once
 * (double quotes may hold delimiters and newlines; blank lines are skipped). Null when all agree.
 */
export function firstUnevenLine(bytes: Uint8Array, delim: string): { line: number; fields: number; expected: number } | null {
  const d = delim.charCodeAt(0);
  let expected = -1;
  let fields = 1;
  let line = 1;
  let lineStart = 1;
  let empty = true;
  let quoted = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : 0x0a;
    if (b === 0x22) {
      quoted = !quoted;
      empty = false;
    } else if (quoted) {
      if (b === 0x0a) line++;
    } else if (b === d) {
      fields++;
      empty = false;
    } else if (b === 0x0a) {
      if (!empty) {
        if (expected < 0) expected = fields;
        else if (fields !== expected) return { line: lineStart, fields, expected };
      }
      line++;
      lineStart = line;
      fields = 1;
      empty = true;
    } else if (b !== 0x0d) empty = false;
  }
  return null;
}
