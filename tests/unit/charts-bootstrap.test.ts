// Bootstrap CIs and tie groups against cases that can be worked out by hand.
import { describe, expect, it } from 'vitest';
import { bootstrapGroups, bootstrapMean, groupLetter, groupLetters, letterGroups, mulberry32, quantileSorted, resampleMeans } from '../../src/lib/charts/bootstrap.ts';

describe('bootstrap', () => {
  it('a constant sample has a zero-width interval at its value', () => {
    expect(bootstrapMean([0.7, 0.7, 0.7, 0.7])).toMatchObject({ mean: 0.7, lo: 0.7, hi: 0.7 });
  });

  it('interval of a 0/1 sample brackets its mean and stays inside [0, 1]', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 60 ? 1 : 0));
    const { mean, lo, hi } = bootstrapMean(values, { resamples: 2000, seed: 3 });
    expect(mean).toBe(0.6);
    expect(lo).toBeGreaterThan(0.45);
    expect(lo).toBeLessThan(0.6);
    expect(hi).toBeGreaterThan(0.6);
    expect(hi).toBeLessThan(0.75);
    // Normal approximation: half-width ≈ 1.96·√(0.6·0.4/100) ≈ 0.096.
    expect(hi - lo).toBeGreaterThan(0.15);
    expect(hi - lo).toBeLessThan(0.23);
  });

  it('quantiles interpolate linearly (type 7)', () => {
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });

  it('the same seed gives identical output; another seed gives other resamples', () => {
    const values = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1];
    const a = bootstrapGroups([{ key: 'x', values }, { key: 'y', values: values.map((v) => 1 - v) }], { seed: 42, resamples: 500 });
    const b = bootstrapGroups([{ key: 'x', values }, { key: 'y', values: values.map((v) => 1 - v) }], { seed: 42, resamples: 500 });
    expect(b).toEqual(a);
    expect([...resampleMeans(values, 50, mulberry32(1))]).not.toEqual([...resampleMeans(values, 50, mulberry32(2))]);
  });

  it('identical models share one tie group', () => {
    const values = [1, 0, 1, 0, 1, 1, 0, 1];
    const r = bootstrapGroups([{ key: 'a', values }, { key: 'b', values: [...values] }, { key: 'c', values: [...values] }]);
    expect(r.estimates.map((e) => e.tieGroups)).toEqual([[1], [1], [1]]);
    expect(r.estimates.map((e) => e.rank)).toEqual([1, 1, 1]);
  });

  it('far-apart models get separate groups, best first', () => {
    const ones = Array(50).fill(1);
    const zeros = Array(50).fill(0);
    const half = Array.from({ length: 50 }, (_, i) => i % 2);
    const r = bootstrapGroups([{ key: 'low', values: zeros }, { key: 'high', values: ones }, { key: 'mid', values: half }]);
    expect(r.estimates.map((e) => [e.key, e.rank, e.tieGroups])).toEqual([['high', 1, [1]], ['mid', 2, [2]], ['low', 3, [3]]]);
    expect(r).toMatchObject({ resamples: 2000, seed: 1, level: 0.95 });
  });

  it('lower-is-better reverses the order', () => {
    const r = bootstrapGroups([{ key: 'a', values: Array(20).fill(1) }, { key: 'b', values: Array(20).fill(0) }], { higherIsBetter: false });
    expect(r.estimates[0].key).toBe('b');
  });

  it('names groups with letters', () => {
    expect([1, 2, 26, 27].map(groupLetter)).toEqual(['A', 'B', 'Z', 'AA']);
    expect(groupLetters([1, 2])).toEqual('AB');
    expect(groupLetters([26, 27])).toEqual('Z,AA');
  });

  it('letters: a shared letter exactly when two models cannot be separated, whatever lies between them', () => {
    // a ~ b, b ~ c, but a and c separable: b sits in both groups. The old best-first grouping gave
    // a, b "A" and c "B", as if b and c could be told apart.
    const apart = new Set(['0,2']);
    expect(letterGroups(3, (a, b) => apart.has(`${a},${b}`))).toEqual([[1], [1, 2], [2]]);
    // Not separable from the leader, yet separable from the one just above: 0 ~ 2, 1 ~ 2, 0 and 1 apart.
    expect(letterGroups(3, (a, b) => a === 0 && b === 1)).toEqual([[1], [2], [1, 2]]);
    // Every pair checked on random relations: shares a group ⇔ not separable.
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(random() * 6);
      const sep = new Set<string>();
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < 0.4) sep.add(`${a},${b}`);
      const groups = letterGroups(n, (a, b) => sep.has(`${a},${b}`));
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) expect(groups[a].some((g) => groups[b].includes(g)), `${[...sep]} ${a},${b}`).toBe(!sep.has(`${a},${b}`));
      expect(groups[0]).toContain(1);
    }
  });

  it('a model between two separable ones shares a letter with each (the finding on personalized-judge EC)', () => {
    const near = (m: number, n: number) => Array.from({ length: n }, (_, i) => (i < m ? 1 : 0));
    const r = bootstrapGroups([
      { key: 'top', values: near(60, 100) },
      { key: 'mid', values: near(50, 100) },
      { key: 'low', values: near(40, 100) },
    ]);
    const by = Object.fromEntries(r.estimates.map((e) => [e.key, e.tieGroups]));
    expect(by.top.some((g) => by.low.includes(g))).toBe(false);
    expect(by.mid.some((g) => by.top.includes(g))).toBe(true);
    expect(by.mid.some((g) => by.low.includes(g))).toBe(true);
  });
});
