// Batch files (CSV, TSV, JSONL or a JSON array) → rows with line numbers, per-line UTF-8 checks and
// a column mapping. Shared by the browser (File → bytes) and the Node CLI (fs → bytes).
import { jsonErrorReason } from '../db/user-data/parse-json.ts';
import { uniqueName } from '../db/user-data/names.ts';
import { sniffDelimiter } from '../db/user-data/text-checks.ts';
import { splitJsonArray } from './json-array.ts';
import { parseJsonExact } from '../long-integers.ts';
import { isBinary, NOT_TEXT } from '../text-file.ts';
import { validateRow, type RawRow } from './validate.ts';
import type { RowIssue, ScoreInput } from './types.ts';

/** `json`: one JSON array of row objects; `jsonl`: one object per line. */
export type FileFormat = 'csv' | 'tsv' | 'jsonl' | 'json';

export const REQUIRED_COLUMNS = ['persona', 'question', 'response'] as const;
/** `statements`: the persona's statements when the file gives them (else they are split from the persona). */
export const OPTIONAL_COLUMNS = ['id', 'model', 'statements'] as const;
export type TargetColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const TARGET_COLUMNS: readonly TargetColumn[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
/** target column → column name in the file (null: not present). */
export type ColumnMapping = Record<TargetColumn, string | null>;

export interface SourceRow {
  /** 1-based line where the record starts. */
  line: number;
  /** Last line of the record (CSV fields may span lines). */
  endLine: number;
  /** 1-based position in a JSON array (absent for the other formats). */
  element?: number;
  values: Record<string, unknown>;
  notUtf8: boolean;
}

export interface ParsedFile {
  format: FileFormat;
  columns: string[];
  rows: SourceRow[];
  /** Rows that could not be parsed at all (bad JSON, wrong field count, unterminated quote). */
  issues: RowIssue[];
}

/** Lines of a byte buffer, each decoded on its own so a bad byte is pinned to its line. */
export function decodeLines(bytes: Uint8Array): { text: string; notUtf8: boolean }[] {
  let start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lax = new TextDecoder('utf-8');
  const out: { text: string; notUtf8: boolean }[] = [];
  // 0x0A never occurs inside a multi-byte UTF-8 sequence, so splitting on it is safe.
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end--;
      const slice = bytes.subarray(start, end);
      try {
        out.push({ text: strict.decode(slice), notUtf8: false });
      } catch {
        out.push({ text: lax.decode(slice), notUtf8: true });
      }
      start = i + 1;
    }
  }
  // A trailing newline leaves one empty last line: drop it.
  if (out.length && out[out.length - 1].text === '' && bytes.length && bytes[bytes.length - 1] === 0x0a) out.pop();
  return out;
}

export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat {
  const lower = fileName.toLowerCase();
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/u, '').trimStart();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  // A .json file is an array of rows or, like JSONL, objects; the content says which.
  if (lower.endsWith('.json')) return head.startsWith('[') ? 'json' : 'jsonl';
  if (lower.endsWith('.tsv')) return 'tsv';
  if (lower.endsWith('.csv')) return 'csv';
  return head.startsWith('{') ? 'jsonl' : head.startsWith('[') ? 'json' : 'csv';
}

function fileIssue(code: RowIssue['code'], message: string, line: number | null = null): RowIssue {
  return { level: 'error', code, message, line, id: null };
}

export function parseJsonl(bytes: Uint8Array): ParsedFile {
  const lines = decodeLines(bytes);
  const single = wholeObject(lines);
  if (single) return single;
  const records = lines.flatMap(({ text, notUtf8 }, i) => (text.trim() ? [{ text, line: i + 1, endLine: i + 1, notUtf8 }] : []));
  return jsonRows('jsonl', records);
}

/** Where a row is, as messages say it: "line 3", or "line 1, element 3" in a minified JSON array. */
const placeOf = (r: { line: number; element?: number }) => (r.element ? `line ${r.line}, element ${r.element}` : `line ${r.line}`);

/** JSON texts (a line of JSONL, an element of an array) → rows; each must be an object. */
function jsonRows(format: 'jsonl' | 'json', records: { text: string; line: number; endLine: number; notUtf8: boolean; element?: number }[]): ParsedFile {
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  const columns = new Set<string>();
  for (const { text, line, endLine, notUtf8, element } of records) {
    const at = element ? { element } : {};
    // A minified array has every element on line 1: its position tells them apart.
    const where = placeOf({ line, element });
    const problem = (message: string) => issues.push({ ...fileIssue('bad-row', `${where}: ${message}`, line), id: element ? `item-${element}` : null });
    if (notUtf8) {
      rows.push({ line, endLine, ...at, values: {}, notUtf8: true });
      continue;
    }
    let value: unknown;
    try {
      value = parseJsonExact(text);
    } catch (e) {
      problem(`not valid JSON (${jsonErrorReason(e)})`);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problem('expected a JSON object with persona, question and response');
      continue;
    }
    for (const k of Object.keys(value)) columns.add(k);
    rows.push({ line, endLine, ...at, values: value as Record<string, unknown>, notUtf8: false });
  }
  return { format, columns: [...columns], rows, issues };
}

/**
 * A file that is one JSON object written over several lines (pretty-printed) is one row, not a
 * run of lines that are each bad JSON; null for anything else.
 */
function wholeObject(lines: { text: string; notUtf8: boolean }[]): ParsedFile | null {
  if (lines.length < 2 || lines.some((l) => l.notUtf8)) return null;
  const first = lines.findIndex((l) => l.text.trim() !== '');
  if (first < 0 || isJson(lines[first].text)) return null;
  let value: unknown;
  try {
    value = parseJsonExact(lines.map((l) => l.text).join('\n'));
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const row: SourceRow = { line: first + 1, endLine: lines.length, values: value as Record<string, unknown>, notUtf8: false };
  return { format: 'jsonl', columns: Object.keys(value), rows: [row], issues: [] };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A JSON array of row objects; each element is read on its own and keeps the line it starts on. */
function parseJsonArray(bytes: Uint8Array): ParsedFile {
  const lines = decodeLines(bytes);
  const { elements, problem } = splitJsonArray(lines.map((l) => l.text).join('\n'));
  const parsed = jsonRows(
    'json',
    elements.map((e, i) => ({ ...e, element: i + 1, notUtf8: lines.slice(e.line - 1, e.endLine).some((l) => l.notUtf8) })),
  );
  if (problem) parsed.issues.push({ ...fileIssue('bad-row', problem.message, problem.line), level: problem.rowsLost ? 'error' : 'warning' });
  return parsed;
}

/** RFC 4180 CSV (quoted fields, "" escapes, newlines inside quotes); the first record is the header. */
export function parseCsv(bytes: Uint8Array, delimiter = ','): ParsedFile {
  const lines = decodeLines(bytes);
  const badLines = new Set(lines.flatMap((l, i) => (l.notUtf8 ? [i + 1] : [])));
  const text = lines.map((l) => l.text).join('\n');
  const records: { line: number; endLine: number; fields: string[] }[] = [];
  const issues: RowIssue[] = [];
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    // Skip blank lines (a record with one empty field).
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, endLine: line, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) {
    issues.push(fileIssue('bad-row', `line ${recordLine}: a quoted field is never closed; the rest of the file is skipped`, recordLine));
  } else if (field !== '' || fields.length || fieldStarted) endRecord();

  if (records.length === 0) return { format: delimiter === '\t' ? 'tsv' : 'csv', columns: [], rows: [], issues: [...issues, fileIssue('missing-columns', 'the file is empty')] };
  const { header, renamed } = distinctHeader(records[0].fields.map((h) => h.trim()));
  for (const r of renamed) issues.push({ ...fileIssue('bad-row', `line ${records[0].line}: ${r}`, records[0].line), level: 'warning' });
  const rows: SourceRow[] = [];
  for (const r of records.slice(1)) {
    let notUtf8 = false;
    for (let l = r.line; l <= r.endLine; l++) if (badLines.has(l)) notUtf8 = true;
    if (!notUtf8 && r.fields.length !== header.length) {
      issues.push(fileIssue('bad-row', `line ${r.line}: ${r.fields.length} fields where the header has ${header.length}`, r.line));
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((h, k) => (values[h] = r.fields[k] ?? ''));
    rows.push({ line: r.line, endLine: r.endLine, values, notUtf8 });
  }
  if (badLines.has(records[0].line)) issues.push(fileIssue('not-utf8', `line ${records[0].line}: the header is not valid UTF-8`, records[0].line));
  return { format: delimiter === '\t' ? 'tsv' : 'csv', columns: header, rows, issues };
}

/**
 * A header whose names repeat gets them renamed (response, response_2, as uploads to #/mine are),
 * so no column hides another and the mapping step can tell them apart; `renamed` says so per column.
 */
function distinctHeader(names: string[]): { header: string[]; renamed: string[] } {
  const header: string[] = [];
  const renamed: string[] = [];
  names.forEach((name, k) => {
    const first = names.indexOf(name);
    if (first === k) return void header.push(name);
    const unique = uniqueName(name, [...names, ...header]);
    header.push(unique);
    renamed.push(`columns ${first + 1} and ${k + 1} are both named "${name}"; column ${k + 1} is read as "${unique}" (map it if it is the one to score)`);
  });
  return { header, renamed };
}

/**
 * A file with a UTF-16 byte-order mark (what spreadsheets save as "Unicode text") re-encoded as
 * UTF-8; null for any other file. Without this every line would be reported as not UTF-8.
 */
function fromUtf16(bytes: Uint8Array): Uint8Array | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  return encoding ? new TextEncoder().encode(new TextDecoder(encoding).decode(bytes)) : null;
}

export function parseFile(fileName: string, raw: Uint8Array): ParsedFile {
  const bytes = fromUtf16(raw) ?? raw;
  const format = detectFormat(fileName, bytes);
  if (isBinary(bytes)) {
    return { format, columns: [], rows: [], issues: [fileIssue('not-utf8', `${NOT_TEXT}: save it as CSV, TSV, JSONL or JSON text`)] };
  }
  if (format === 'jsonl') return parseJsonl(bytes);
  if (format === 'json') return parseJsonArray(bytes);
  if (format === 'tsv') return parseCsv(bytes, '\t');
  // The header alone decides: persona texts often hold quoted newlines, which would upset a
  // sniffer that compares the first lines. Spreadsheets in many locales save CSV with ";".
  const header = decodeLines(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).find((l) => l.text.trim() !== '');
  return parseCsv(bytes, sniffDelimiter(header?.text ?? '', 1) ?? ',');
}

/** Map target columns to file columns by name, case- and space-insensitively. */
export function guessColumnMapping(columns: readonly string[]): ColumnMapping {
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/gu, '');
  const find = (name: string) => columns.find((c) => norm(c) === norm(name)) ?? null;
  return {
    persona: find('persona'),
    question: find('question'),
    response: find('response'),
    id: find('id'),
    model: find('model'),
    statements: find('statements'),
  };
}

export function missingColumns(mapping: ColumnMapping): string[] {
  return REQUIRED_COLUMNS.filter((c) => !mapping[c]);
}

/**
 * Parsed rows → validated score inputs. A file without a required column yields one file-level
 * error and no inputs; every other problem names its row and skips only that row.
 */
export function toScoreInputs(parsed: ParsedFile, mapping: ColumnMapping = guessColumnMapping(parsed.columns)): { inputs: ScoreInput[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [...parsed.issues];
  const have = parsed.columns.length ? parsed.columns.join(', ') : 'none';
  // A file that could not be read (binary, empty) has said so in an error of its own.
  const fileRefused = issues.some((i) => i.level === 'error' && i.line == null && i.id == null);
  // Said once for the file, so that a file with nothing in it is not taken as a file with no problem
  // (a warning, such as a renamed repeated column, is no such word).
  if (parsed.rows.length === 0 && !fileRefused) {
    issues.push(fileIssue('missing-columns', parsed.columns.length ? `the file has no data rows, only a header (columns: ${have})` : 'the file has no data rows'));
    return { inputs: [], issues };
  }
  const missing = missingColumns(mapping);
  if (missing.length) {
    // A file that could not be read has said so: its lack of columns is no news.
    if (!fileRefused) {
      issues.push(fileIssue('missing-columns', `the file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (columns found: ${have}); map them to continue`));
    }
    return { inputs: [], issues };
  }
  const inputs: ScoreInput[] = [];
  const seen = new Set<string>();
  parsed.rows.forEach((row, index) => {
    const raw: RawRow = {};
    for (const t of TARGET_COLUMNS) {
      const col = mapping[t];
      if (col) raw[t] = row.values[col];
    }
    const { input, issues: rowIssues } = validateRow(raw, { line: row.line, index, element: row.element, notUtf8: row.notUtf8 });
    issues.push(...rowIssues);
    if (!input) return;
    if (seen.has(input.id)) {
      // Suffixed with where the row is; a minified JSON array has every row on line 1.
      let id = `${input.id}#${row.element ?? row.line}`;
      for (let k = 2; seen.has(id); k++) id = `${input.id}#${row.element ?? row.line}-${k}`;
      const where = placeOf(row);
      issues.push({ level: 'warning', code: 'bad-row', message: `${where}: id "${input.id}" repeats an earlier row; renamed to "${id}"`, line: row.line, id });
      input.id = id;
    }
    seen.add(input.id);
    inputs.push(input);
  });
  // Parse problems were found before the rows' own: list them all in file order (the file's own
  // problems, with no line, first). The sort is stable, so one line's problems keep their order.
  return { inputs, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
