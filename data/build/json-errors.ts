// DuckDB's "Malformed JSON in file …, at byte B in line L" is off by one line for newline-delimited
// files (seen with @duckdb/node-api 1.5), so on such errors we find the bad line ourselves.
import fs from 'node:fs';

/** Returns "path:line: excerpt" for the first line of a JSON Lines file that does not parse, or null. */
export function firstBadJsonLine(file: string): string | null {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // A single JSON document spanning many lines: report the parser's own position.
  if (text.trimStart().startsWith('[') || lines.filter((l) => l.trim()).length === 1) {
    try {
      JSON.parse(text);
      return null;
    } catch (e) {
      return `${file}: ${(e as Error).message}`;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    try {
      JSON.parse(lines[i]);
    } catch {
      return `${file}:${i + 1}: ${lines[i].slice(0, 120)}`;
    }
  }
  return null;
}

/** Adds the true file:line to a DuckDB JSON error message when it names a readable file. */
export function explainJsonError(message: string): string {
  const m = /Malformed JSON in file "([^"]+)"/.exec(message);
  if (!m || !fs.existsSync(m[1])) return message;
  const bad = firstBadJsonLine(m[1]);
  return bad ? `${message}\n  first line that does not parse: ${bad}` : message;
}
