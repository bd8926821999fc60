// JSON integers beyond 2^53 (ids such as 12345678901234567891) lose digits in JSON.parse, so two
// rows' ids could become one. Quoting them first keeps every digit: ids are text to us anyway.
// Used by the scoring batch reader and by the uploads of Your data.

const DIGIT = /[0-9]/u;

/** `json` with each integer literal that a double cannot hold exactly turned into a string. */
export function quoteLongIntegers(json: string): string {
  // Only a run of 16 digits can be such a literal: most texts have none and need no scan.
  if (!/\d{16}/u.test(json)) return json;
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== '-' && !DIGIT.test(c)) continue;
    let end = i + 1;
    while (end < json.length && /[0-9.eE+-]/u.test(json[end])) end++;
    const literal = json.slice(i, end);
    if (/^-?\d{16,}$/u.test(literal) && !Number.isSafeInteger(Number(literal))) {
      out += `${json.slice(from, i)}"${literal}"`;
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? json : out + json.slice(from);
}

/**
 * JSON.parse that keeps long integers' digits (as strings). A syntax error is thrown as JSON.parse
 * throws it for the text as given, so its position points into the user's own text.
 */
export function parseJsonExact(text: string): unknown {
  const quoted = quoteLongIntegers(text);
  if (quoted === text) return JSON.parse(text);
  try {
    return JSON.parse(quoted);
  } catch {
    return JSON.parse(text);
  }
}
