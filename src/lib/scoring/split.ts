// Persona text → persona statements: one per line when the persona has several lines, otherwise
// one per sentence. The result is a plain list the user may edit before scoring; cleanStatements
// normalises an edited list the same way.

// A list marker is followed by a space: "1. I …", "a) I …". A dash before a digit is a minus sign
// and a number before a letter or digit is part of the text ("-5 degrees", "3.5 is my GPA").
const BULLET = /^\s*(?:[*•·]+|[-–—]+(?![\d.,])|\(?\d{1,3}[.)](?=\s)|\(?[a-z][.)](?=\s))\s*/iu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Trim, drop list markers, collapse inner whitespace. */
export function cleanStatement(s: string): string {
  return s.replace(BULLET, '').replace(/\s+/gu, ' ').trim();
}

/** Normalise an edited list: clean each, drop empty ones and exact repeats (case-insensitive). */
export function cleanStatements(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const s = cleanStatement(raw);
    if (!HAS_WORD.test(s)) continue;
    const key = s.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/** Sentences of one paragraph (Intl.Segmenter where available, a regex otherwise). */
export function splitSentences(text: string): string[] {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (!t) return [];
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
    return [...seg.segment(t)].map((s) => s.segment.trim()).filter(Boolean);
  }
  return t.split(/(?<=[.!?…])["')\]]*\s+(?=["'(\[]?[\p{Lu}\p{N}])/u).map((s) => s.trim()).filter(Boolean);
}

/**
 * Split a persona into statements: several non-empty lines → one statement per line; a single
 * line (or paragraph) → one statement per sentence.
 */
export function splitStatements(persona: string): string[] {
  const lines = persona
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => HAS_WORD.test(l));
  if (lines.length > 1) return cleanStatements(lines);
  if (lines.length === 0) return [];
  return cleanStatements(splitSentences(lines[0]));
}
