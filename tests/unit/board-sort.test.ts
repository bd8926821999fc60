// The leaderboard's sort round-trips through the URL; an unknown sort is named, not silently dropped.
import { describe, expect, it } from 'vitest';
import { boardSortText, DEFAULT_BOARD_SORT, nextBoardSort, parseBoardSort } from '../../src/lib/explore/board-sort.ts';

describe('leaderboard sort in the URL', () => {
  it('round-trips every column and direction; the default leaves no parameter', () => {
    for (const by of ['rank', 'model', 'value'] as const)
      for (const desc of [false, true]) {
        const text = boardSortText({ by, desc });
        expect(parseBoardSort(text).sort).toEqual({ by, desc });
      }
    expect(boardSortText(DEFAULT_BOARD_SORT)).toBeNull();
    expect(parseBoardSort('-value')).toEqual({ sort: { by: 'value', desc: true }, problem: null });
  });
  it('names a sort it does not know', () => {
    const r = parseBoardSort('score');
    expect(r.sort).toEqual(DEFAULT_BOARD_SORT);
    expect(r.problem).toMatch(/sort “score” is not one of rank, model or value/);
  });
  it('a header click flips the same column, starts another ascending', () => {
    expect(nextBoardSort({ by: 'value', desc: false }, 'value')).toEqual({ by: 'value', desc: true });
    expect(nextBoardSort({ by: 'value', desc: true }, 'model')).toEqual({ by: 'model', desc: false });
  });
});
