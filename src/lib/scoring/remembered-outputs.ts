// Remembers a model's output for each input text, so texts that recur across rows run once. In a
// batch where several models answer the same questions for one persona, the persona and its
// statements (fit) and each question with each statement (APC relevance) are the same in every row
// of that persona or question; without this they would run again for every row. A model's output
// depends only on its input, so a remembered output is the output.
import type { ClassifyFn, ClassifyInput, EmbedFn } from './types.ts';

/** Inputs longer than this (characters) are not remembered: long responses seldom recur, and keys cost memory. */
export const MAX_REMEMBERED_CHARS = 2000;
/** Outputs remembered per model; the least recently used go first. */
export const REMEMBERED_OUTPUTS = 4096;

interface Row<V> {
  value: V;
  truncated: boolean;
}
type Run<I, V, M> = (inputs: readonly I[]) => Promise<{ rows: Row<V>[]; meta: M }>;

/** `run` with a memory of its rows by key (null: never remembered). Repeats within one call run once too. */
function remembered<I, V, M>(run: Run<I, V, M>, keyOf: (input: I) => string | null, capacity: number): Run<I, V, M> {
  const memory = new Map<string, Row<V>>();
  let meta: M | null = null;
  return async (inputs) => {
    const rows: Row<V>[] = new Array(inputs.length);
    const toRun: I[] = [];
    const slotsOf: number[][] = []; // toRun[j] answers rows slotsOf[j]
    const pending = new Map<string, number[]>();
    inputs.forEach((input, i) => {
      const key = keyOf(input);
      const known = key === null ? undefined : memory.get(key);
      if (known && key !== null) {
        // Map order is insertion order: re-inserting makes this key the most recently used.
        memory.delete(key);
        memory.set(key, known);
        rows[i] = known;
        return;
      }
      const same = key === null ? undefined : pending.get(key);
      if (same) {
        same.push(i);
        return;
      }
      const slots = [i];
      if (key !== null) pending.set(key, slots);
      slotsOf.push(slots);
      toRun.push(input);
    });
    if (toRun.length || meta === null) {
      const out = await run(toRun);
      meta = out.meta;
      out.rows.forEach((row, j) => {
        for (const i of slotsOf[j]) rows[i] = row;
        const key = keyOf(toRun[j]);
        if (key === null) return;
        memory.set(key, row);
        if (memory.size > capacity) memory.delete(memory.keys().next().value as string);
      });
    }
    return { rows, meta };
  };
}

// A text alone and a pair get different prefixes, and a pair's first text carries its length, so no
// two different inputs share a key.
const textKey = (text: string) => (text.length <= MAX_REMEMBERED_CHARS ? `1${text}` : null);
const pairKey = ({ text, textPair }: ClassifyInput) =>
  textPair === undefined ? textKey(text) : text.length + textPair.length <= MAX_REMEMBERED_CHARS ? `2${text.length}:${text}${textPair}` : null;

export function rememberingClassify(classify: ClassifyFn, capacity = REMEMBERED_OUTPUTS): ClassifyFn {
  const run = remembered(
    async (inputs: readonly ClassifyInput[]) => {
      const out = await classify(inputs);
      return { rows: out.logits.map((value, i) => ({ value, truncated: out.truncated[i] })), meta: { id2label: out.id2label, maxTokens: out.maxTokens } };
    },
    pairKey,
    capacity,
  );
  return async (inputs) => {
    const { rows, meta } = await run(inputs);
    return { ...meta, logits: rows.map((r) => r.value), truncated: rows.map((r) => r.truncated) };
  };
}

export function rememberingEmbed(embed: EmbedFn, capacity = REMEMBERED_OUTPUTS): EmbedFn {
  const run = remembered(
    async (texts: readonly string[]) => {
      const out = await embed(texts);
      return { rows: out.vectors.map((value, i) => ({ value, truncated: out.truncated[i] })), meta: { maxTokens: out.maxTokens } };
    },
    textKey,
    capacity,
  );
  return async (texts) => {
    const { rows, meta } = await run(texts);
    return { ...meta, vectors: rows.map((r) => r.value), truncated: rows.map((r) => r.truncated) };
  };
}
