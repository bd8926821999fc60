// JSON lines (one object per line) and JSON arrays of objects → rows, with the line and column of
// the first broken line.
import { parseJsonExact } from '../../long-integers.ts';
import { jsonErrorOffset } from './json-error-offset.ts';
import { UploadError } from './upload-error.ts';

/** 0-based offset of a JSON.parse error inside `text`: V8's "at position N", else found by scanning. */
function errorOffset(e: unknown, text: string): number | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  const at = m ? Number(m[1]) : jsonErrorOffset(text);
  return at >= 0 ? at : undefined;
}

/** A JSON.parse error's message without the text it quotes. */
export function jsonErrorReason(e: unknown): string {
  // V8 quotes the whole text in some messages ("Unexpected token '}', "…" is not valid JSON"): keep the first part. Long texts are cut and start with "...".
  return (e instanceof Error ? e.message : String(e))
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse: /, '');
}

export function parseJsonLines(text: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = parseJsonExact(raw);
    } catch (e) {
      const at = errorOffset(e, raw);
      const column = at === undefined ? undefined : at + 1;
      throw new UploadError(
        `line ${line} is not valid JSON${column ? ` (column ${column})` : ''}: ${jsonErrorReason(e)}. Each line must hold one JSON object.`,
        { line, column },
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new UploadError(`line ${line} is not a JSON object (it is ${Array.isArray(value) ? 'an array' : JSON.stringify(value)?.slice(0, 40)}).`, {
        line,
      });
    rows.push(value as Record<string, unknown>);
  }
  if (rows.length === 0) throw new UploadError('the file has no JSON lines.');
  return rows;
}

/** A JSON array of objects (a ".json" table). */
export function parseJsonArray(text: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch (e) {
    const at = errorOffset(e, text);
    if (at === undefined) throw new UploadError(`the file is not valid JSON: ${jsonErrorReason(e)}.`);
    const before = text.slice(0, at).split('\n');
    const where = { line: before.length, column: before[before.length - 1].length + 1 };
    throw new UploadError(`the file is not valid JSON at line ${where.line}, column ${where.column}: ${jsonErrorReason(e)}.`, where);
  }
  if (!Array.isArray(value)) throw new UploadError('the JSON is not an array of objects (one object per row).');
  value.forEach((v, i) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new UploadError(`item ${i + 1} of the JSON array is not an object (one object per row).`, { row: i + 1 });
  });
  if (value.length === 0) throw new UploadError('the JSON array is empty.');
  return value as Record<string, unknown>[];
}
