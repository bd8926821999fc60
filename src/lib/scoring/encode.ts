// Token-level truncation and padding for (text, text_pair) inputs, as plain arrays.
//
// Why not the tokenizer's own truncation: transformers.js cuts the *end* of the whole encoded
// sequence, which drops the final [SEP] and, for pairs, the whole second text before the first is
// touched. Here, like Hugging Face's "longest_first", tokens are removed from the end of the longer
// segment, one at a time, and every special token ([CLS], [SEP], …) is kept.

export interface Encoding {
  input_ids: number[];
  attention_mask: number[];
  token_type_ids?: number[];
}

export interface FitResult {
  encoding: Encoding;
  truncated: boolean;
  /** Tokens before truncation. */
  originalLength: number;
}

function indexOfRun(hay: readonly number[], needle: readonly number[], from: number): number {
  if (needle.length === 0) return from;
  outer: for (let p = from; p + needle.length <= hay.length; p++) {
    for (let k = 0; k < needle.length; k++) if (hay[p + k] !== needle[k]) continue outer;
    return p;
  }
  return -1;
}

function removeRanges(enc: Encoding, ranges: [number, number][]): Encoding {
  const keep = (arr: readonly number[]) => arr.filter((_, i) => !ranges.some(([a, b]) => i >= a && i < b));
  const out: Encoding = { input_ids: keep(enc.input_ids), attention_mask: keep(enc.attention_mask) };
  if (enc.token_type_ids) out.token_type_ids = keep(enc.token_type_ids);
  return out;
}

/**
 * Cut `full` (the tokenizer's encoding with special tokens) to `maxLength` tokens.
 * `segA` / `segB` are the same texts encoded without special tokens, used to find where each text
 * sits inside `full`. Falls back to keeping the head and the final token when they cannot be found.
 */
export function fitToLength(full: Encoding, segA: readonly number[], segB: readonly number[] | null, maxLength: number): FitResult {
  const n = full.input_ids.length;
  if (n <= maxLength) return { encoding: full, truncated: false, originalLength: n };
  const excess = n - maxLength;
  const pa = indexOfRun(full.input_ids, segA, 0);
  const pb = segB && pa >= 0 ? indexOfRun(full.input_ids, segB, pa + segA.length) : segB ? -1 : null;
  if (pa < 0 || pb === -1) {
    // Unknown layout: keep the first maxLength − 1 tokens and the final (special) token.
    return { encoding: removeRanges(full, [[maxLength - 1, n - 1]]), truncated: true, originalLength: n };
  }
  let la = segA.length;
  let lb = segB ? segB.length : 0;
  if (excess > la + lb) throw new RangeError(`maximum length ${maxLength} leaves no room for the text (${n - la - lb} special tokens)`);
  for (let k = 0; k < excess; k++) {
    if (lb > la) lb--;
    else la--;
  }
  const ranges: [number, number][] = [[pa + la, pa + segA.length]];
  if (segB && pb !== null) ranges.push([pb + lb, pb + segB.length]);
  return { encoding: removeRanges(full, ranges), truncated: true, originalLength: n };
}

/** Right-pad a batch to its longest member: flat row-major arrays plus [batch, length]. */
export function padBatch(encodings: readonly Encoding[], padId: number): { dims: [number, number]; input_ids: number[]; attention_mask: number[]; token_type_ids?: number[] } {
  if (encodings.length === 0) throw new RangeError('empty batch');
  const len = Math.max(...encodings.map((e) => e.input_ids.length));
  const withTypes = encodings.every((e) => e.token_type_ids);
  const ids: number[] = [];
  const mask: number[] = [];
  const types: number[] = [];
  for (const e of encodings) {
    const pad = len - e.input_ids.length;
    ids.push(...e.input_ids, ...new Array<number>(pad).fill(padId));
    mask.push(...e.attention_mask, ...new Array<number>(pad).fill(0));
    if (withTypes) types.push(...(e.token_type_ids as number[]), ...new Array<number>(pad).fill(0));
  }
  return { dims: [encodings.length, len], input_ids: ids, attention_mask: mask, ...(withTypes ? { token_type_ids: types } : {}) };
}
