// Which inputs go into one model call. A batch is padded to its longest member, so a batch that
// mixes a 60-token persona with 9-token statements computes mostly padding (fit embeds exactly that
// mix: persona, response and each statement). Inputs are grouped by length instead: sorted, and a
// longer input joins the current batch only while padding the batch up to it costs less than one
// more model call would.

/**
 * A model call's fixed cost, in tokens it could have computed instead. Measured on the MiniLM-L6
 * bench model, one thread, one sequence of 8–96 tokens: about 12 ms + 0.5 ms per token in the wasm
 * build and 3 ms + 0.12 ms per token natively, so in both a call costs what ~24 tokens do.
 */
export const CALL_OVERHEAD_TOKENS = 24;

/** Groups of input indices (each group ≤ maxBatch), shortest inputs first; every index once. */
export function lengthBatches(lengths: readonly number[], maxBatch: number, overheadTokens = CALL_OVERHEAD_TOKENS): number[][] {
  if (maxBatch < 1) throw new RangeError(`maxBatch must be at least 1, got ${maxBatch}`);
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b] || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  let longest = 0;
  for (const i of order) {
    const extraPadding = current.length * (lengths[i] - longest);
    if (current.length > 0 && (current.length >= maxBatch || extraPadding > overheadTokens)) {
      batches.push(current);
      current = [];
    }
    current.push(i);
    longest = lengths[i];
  }
  if (current.length) batches.push(current);
  return batches;
}
