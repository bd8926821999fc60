// Which characters to mark in the editor for an error DuckDB places at `offset` (0-based).

/** The word at `offset`, else the one character there; past the end or on blank space, the last character before it. */
export function errorSpan(doc: string, offset: number): { from: number; to: number } {
  if (doc.length === 0) return { from: 0, to: 0 };
  let from = Math.min(Math.max(0, offset), doc.length - 1);
  while (from > 0 && /\s/.test(doc[from])) from--;
  let to = from + 1;
  if (/\w/.test(doc[from])) while (to < doc.length && /\w/.test(doc[to])) to++;
  return { from, to };
}
