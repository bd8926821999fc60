// Persona–response fit: cosine similarity of mean-pooled, L2-normalised sentence embeddings
// (the sentence-transformers recipe for all-MiniLM-L6-v2), for the whole persona and per statement.
import type { FitResult } from './types.ts';

/**
 * Mean of token vectors where the attention mask is 1.
 * hidden: row-major [batch, tokens, dim]; mask: [batch, tokens] of 0/1.
 */
export function meanPool(hidden: ArrayLike<number>, dims: readonly [number, number, number], mask: ArrayLike<number | bigint>): number[][] {
  const [b, t, d] = dims;
  if (hidden.length !== b * t * d) throw new RangeError(`hidden has ${hidden.length} values, dims say ${b * t * d}`);
  if (mask.length !== b * t) throw new RangeError(`mask has ${mask.length} values, dims say ${b * t}`);
  const out: number[][] = [];
  for (let i = 0; i < b; i++) {
    const v = new Array<number>(d).fill(0);
    let count = 0;
    for (let j = 0; j < t; j++) {
      if (Number(mask[i * t + j]) === 0) continue;
      count++;
      const off = (i * t + j) * d;
      for (let k = 0; k < d; k++) v[k] += hidden[off + k];
    }
    out.push(v.map((x) => x / Math.max(count, 1e-9)));
  }
  return out;
}

export function l2normalize(v: readonly number[]): number[] {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return n > 0 ? v.map((x) => x / n) : v.map(() => 0);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

export function fitFrom(
  personaVec: readonly number[],
  responseVec: readonly number[],
  statements: readonly string[],
  statementVecs: readonly (readonly number[])[],
): FitResult {
  if (statementVecs.length !== statements.length) throw new RangeError('one vector per statement is needed');
  return {
    persona: cosine(personaVec, responseVec),
    statements: statements.map((statement, index) => ({ index, statement, cosine: cosine(statementVecs[index], responseVec) })),
  };
}
