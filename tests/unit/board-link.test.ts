// A leaderboard link that names a board not here is shown as the nearest board with a notice naming
// what was missing; a link that names an existing board (or part of one) gets no notice.
import { describe, expect, it } from 'vitest';
import { boardNotice, resolveBoard } from '../../src/lib/explore/board-link.ts';
import type { BoardOption } from '../../src/lib/explore/results-service.ts';

const o = (benchmark: string, metric: string, subset: string, models: number): BoardOption => ({ benchmark, metric, subset, models, released: models, uploads: '' });
const OPTIONS = [o('personamath', 'Pass@1', 'MATH', 9), o('spp', 'score', 'trivia', 4), o('spp', 'score', 'codenames', 3)];

describe('resolving a leaderboard link', () => {
  it('an exact or partial link is honoured, without a notice', () => {
    const exact = resolveBoard(OPTIONS, { benchmark: 'spp', metric: 'score', subset: 'codenames' });
    expect(exact).toEqual({ key: { benchmark: 'spp', metric: 'score', subset: 'codenames' }, missing: [] });
    expect(boardNotice({}, exact!)).toBeNull();
    expect(resolveBoard(OPTIONS, { benchmark: 'spp' })?.missing).toEqual([]);
    expect(resolveBoard(OPTIONS, {})?.missing).toEqual([]);
  });
  it('an unknown metric and subset are named, with the board shown instead', () => {
    const want = { benchmark: 'spp', metric: 'nope', subset: 'x' };
    const r = resolveBoard(OPTIONS, want)!;
    expect(r).toEqual({ key: { benchmark: 'spp', metric: 'score', subset: 'trivia' }, missing: ['metric', 'subset'] });
    expect(boardNotice(want, r)).toBe(
      'This link names metric “nope”, subset “x” in spp, which no leaderboard has. Showing spp · score · trivia instead; the link stays as it was until you pick a board.',
    );
  });
  it('a mistyped metric keeps the subset the link names, which is then not called missing', () => {
    const want = { benchmark: 'spp', metric: 'nope', subset: 'codenames' };
    const r = resolveBoard(OPTIONS, want)!;
    expect(r).toEqual({ key: { benchmark: 'spp', metric: 'score', subset: 'codenames' }, missing: ['metric'] });
    expect(boardNotice(want, r)).toMatch(/^This link names metric “nope” in spp · codenames, which no leaderboard has\./);
  });

  it('an unknown benchmark, and a deleted upload board, say so', () => {
    const r = resolveBoard(OPTIONS, { benchmark: 'nope' })!;
    expect(r.missing).toEqual(['benchmark']);
    expect(boardNotice({ benchmark: 'nope' }, r)).toMatch(/^This link names benchmark “nope”, which no leaderboard has\. Showing personamath · Pass@1 · MATH instead/);
    const want = { benchmark: 'mine:items', metric: 'latency', subset: '' };
    expect(boardNotice(want, resolveBoard(OPTIONS, want)!)).toMatch(/names benchmark “mine:items”, metric “latency”, no subset, .*an upload that is not in this browser/);
  });
  it('no boards at all: nothing to show', () => {
    expect(resolveBoard([], { benchmark: 'spp' })).toBeNull();
  });
});
