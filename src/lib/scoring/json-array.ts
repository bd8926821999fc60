// A JSON array of rows ("[{…}, {…}]", as json.dump or JSON.stringify writes it), cut into its
// elements with the line each starts on, so that one broken element is reported by its line and
// the others are still read. JSON.parse on the whole text would lose every row and the line.

export interface ArrayElement {
  /** The element's JSON text, to be parsed on its own. */
  text: string;
  /** 1-based lines where the element starts and ends. */
  line: number;
  endLine: number;
}

export interface SplitArray {
  elements: ArrayElement[];
  /** What was wrong with the array itself (cut off, no closing "]", text after it); null when it is whole. */
  problem: { line: number; message: string; rowsLost: boolean } | null;
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** Elements of the top-level array in `text` (which must start, after blanks, with "["). */
export function splitJsonArray(text: string): SplitArray {
  const elements: ArrayElement[] = [];
  let line = 1;
  let i = 0;
  for (; i < text.length && WHITESPACE.has(text[i]); i++) if (text[i] === '\n') line++;
  if (text[i] !== '[') return { elements, problem: { line, message: 'expected a JSON array starting with "["', rowsLost: true } };
  i++;

  let depth = 0;
  let inString = false;
  let start = -1;
  let startLine = line;
  let emptySlotLine: number | null = null;
  const finish = (end: number) => {
    if (start < 0) return;
    elements.push({ text: text.slice(start, end).trimEnd(), line: startLine, endLine: line });
    start = -1;
  };

  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (WHITESPACE.has(c)) continue;
    if (depth === 0 && c === ']') {
      finish(i);
      const rest = text.slice(i + 1);
      const extra = rest.search(/\S/u);
      if (extra >= 0) {
        const extraLine = line + (rest.slice(0, extra).match(/\n/gu)?.length ?? 0);
        return { elements, problem: { line: extraLine, message: `line ${extraLine}: text after the end of the JSON array is ignored`, rowsLost: true } };
      }
      return { elements, problem: emptySlot(emptySlotLine) };
    }
    if (depth === 0 && c === ',') {
      if (start < 0) emptySlotLine ??= line;
      finish(i);
      continue;
    }
    if (start < 0) {
      start = i;
      startLine = line;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  // The end came before "]": a last element that is whole still counts; a cut-off one is named.
  if (start >= 0 && (depth > 0 || inString)) {
    return { elements, problem: { line: startLine, message: `line ${startLine}: this row is never closed (an unclosed string, object or list), so it is skipped; the rows before it are kept`, rowsLost: true } };
  }
  finish(text.length);
  return { elements, problem: { line, message: `line ${line}: the JSON array is never closed (no "]" at the end); every row in it was read`, rowsLost: false } };
}

function emptySlot(line: number | null): SplitArray['problem'] {
  return line === null ? null : { line, message: `line ${line}: an empty slot in the JSON array (two commas in a row)`, rowsLost: false };
}
