// Characters an export cannot set, named in its message: the first few quoted, the rest counted,
// so a chart with a hundred CJK titles gets a readable sentence.

/** Characters shown at most; the rest are counted. */
const LISTED_AT_MOST = 8;

/** “三”, “国”, … and 5 more */
export function quotedChars(chars: readonly string[]): string {
  const listed = chars.slice(0, LISTED_AT_MOST).map((c) => `“${c}”`).join(', ');
  return chars.length > LISTED_AT_MOST ? `${listed} and ${chars.length - LISTED_AT_MOST} more` : listed;
}
