// The results panel's running tally: rows added one at a time (in any order) give the same rows in
// input order, the same per-model summary and the same usable metrics as the whole batch at once,
// so the panel can draw each frame from the rows that came since the last one.
import { describe, expect, it } from 'vitest';
import { ResultTally } from '../../src/lib/scoring/result-tally.ts';
import { summarize, type ScoreMetric } from '../../src/lib/scoring/result-views.ts';
import type { RowOutcome, RowScore, ScoreInput } from '../../src/lib/scoring/types.ts';

const inputs: ScoreInput[] = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, model: `m${i % 3}`, line: i + 2, persona: 'p', question: 'q', response: 'r' }));
const score = (i: number): RowScore =>
  ({
    id: `r${i}`,
    model: `m${i % 3}`,
    line: i + 2,
    question: 'q',
    statements: ['s'],
    apc: { raw: 0.5, n: 1, normalized: ((i * 37) % 100) / 97, statements: [] },
    toxicity: i % 4 ? { max: (i % 7) / 7, control: 1 - (i % 7) / 7, labels: {} } : null,
    contradictions: { threshold: 0.5, max: 0.1, hits: i % 5 ? [] : [{ index: 0 }] },
    fit: null,
    warnings: [],
  }) as unknown as RowScore;
const outcome = (i: number): RowOutcome =>
  i % 9 === 8 ? { ok: false, failure: { id: `r${i}`, line: i + 2, errors: [{ level: 'error', code: 'scoring-failed', message: `r${i} failed`, line: i + 2, id: `r${i}` }] } } : { ok: true, score: score(i) };

describe('the results tally', () => {
  it('row by row, out of order, ends where the whole batch at once does', () => {
    // Most rows in order; a few that an earlier run or a crash left come late.
    const order = [...Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 11 !== 3), 36, 3, 14, 25];
    const tally = new ResultTally('job-1', inputs);
    for (const i of order) tally.add(i, outcome(i));
    const whole = new ResultTally('job-1', inputs, new Map(order.map((i) => [i, outcome(i)])));
    const scores = Array.from({ length: 40 }, (_, i) => outcome(i)).flatMap((o) => (o.ok ? [o.score] : []));

    for (const t of [tally, whole]) {
      expect(t.rows.map(([i]) => i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(t.scored).toBe(scores.length);
      expect(t.failures.map((f) => f.id).sort()).toEqual(['r17', 'r26', 'r35', 'r8']);
      expect([...t.models].sort()).toEqual(['m0', 'm1', 'm2']);
      expect([...t.usable].sort()).toEqual(['apc_normalized', 'contradiction_max', 'toxicity_control', 'toxicity_max']);
      const byModel = <T extends { model: string }>(s: T[]) => [...s].sort((a, b) => a.model.localeCompare(b.model));
      const summary = byModel(t.summary());
      const expected = byModel(summarize(scores));
      expect(summary.map((s) => [s.model, s.items, s.contradicted])).toEqual(expected.map((s) => [s.model, s.items, s.contradicted]));
      for (const [k, s] of summary.entries()) {
        for (const m of Object.keys(s.means) as ScoreMetric[]) {
          const mean = expected[k].means[m];
          if (mean === null) expect(s.means[m]).toBeNull();
          else expect(s.means[m]).toBeCloseTo(mean, 12);
        }
      }
    }
  });

  it('a row saved again replaces the first and is counted once', () => {
    const tally = new ResultTally('job-1', inputs, new Map([0, 1, 2].map((i) => [i, outcome(i)])));
    tally.add(1, outcome(8));
    expect(tally.rows.map(([i, o]) => [i, o.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(tally.scored).toBe(2);
    expect(tally.failures).toHaveLength(1);
    expect(tally.summary().reduce((n, s) => n + s.items, 0)).toBe(2);
  });
});
