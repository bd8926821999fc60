// Grouping model inputs by length so batches do not compute mostly padding.
import { describe, expect, it } from 'vitest';
import { CALL_OVERHEAD_TOKENS, lengthBatches } from '../../src/lib/scoring/length-batches.ts';

/** Tokens computed (padding included) plus each call's fixed cost. */
const cost = (lengths: number[], batches: number[][]) =>
  batches.reduce((sum, b) => sum + b.length * Math.max(...b.map((i) => lengths[i])) + CALL_OVERHEAD_TOKENS, 0);

describe('lengthBatches', () => {
  it('fit’s mix: the short statements in one call, the persona and the response in another', () => {
    const lengths = [47, 68, 9, 9, 10, 10, 10]; // persona, response, five statements
    const batches = lengthBatches(lengths, 16);
    expect(batches).toEqual([[2, 3, 4, 5, 6], [0, 1]]);
    // One padded batch of seven (the old way) costs more than twice as much.
    expect(cost(lengths, [[0, 1, 2, 3, 4, 5, 6]])).toBeGreaterThan(2 * cost(lengths, batches));
  });

  it('equal lengths: chunks of at most maxBatch, in input order', () => {
    expect(lengthBatches([5, 5, 5, 5, 5], 2)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('a longer input joins while padding up to it costs less than another call', () => {
    // Two inputs of 10 tokens: a 20-token one adds 2 × 10 = 20 padded tokens ≤ 24, so it joins…
    expect(lengthBatches([10, 10, 20], 16)).toEqual([[0, 1, 2]]);
    // …a 30-token one would add 40: it gets a call of its own.
    expect(lengthBatches([10, 10, 30], 16)).toEqual([[0, 1], [2]]);
  });

  it('every input exactly once, whatever the lengths', () => {
    const lengths = Array.from({ length: 100 }, (_, i) => ((i * 37) % 91) + 3);
    const batches = lengthBatches(lengths, 8);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(8);
    expect(lengthBatches([], 8)).toEqual([]);
    expect(() => lengthBatches([3], 0)).toThrow(/maxBatch/);
  });
});
