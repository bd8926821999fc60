// The leaderboard shown for a link that names part of a board, or none: the exact board, else the
// fullest board among those matching what the link names.
import { describe, expect, it } from 'vitest';
import { chooseBoard } from '../../src/lib/explore/board-choice.ts';
import type { BoardOption } from '../../src/lib/explore/results-service.ts';

const o = (benchmark: string, metric: string, subset: string, models: number): BoardOption => ({ benchmark, metric, subset, models, released: models, uploads: '' });
const OPTIONS = [o('apc', 'Human', 'EU, Alice', 1), o('apc', 'APC', 'all', 3), o('apc', 'APC', 'RAG', 5), o('personagym', 'PersonaScore', 'all', 6), o('personagym', 'Toxicity', 'all', 6)];
const key = ({ benchmark, metric, subset }: BoardOption) => ({ benchmark, metric, subset });

describe('choosing a leaderboard', () => {
  it('the exact board when the link names one that exists, however small', () => {
    expect(chooseBoard(OPTIONS, key(OPTIONS[0]))).toEqual(key(OPTIONS[0]));
  });
  it('else the fullest board of the metric, then of the benchmark, then of all (ties: list order)', () => {
    expect(chooseBoard(OPTIONS, { benchmark: 'apc', metric: 'APC', subset: 'gone' })).toEqual(key(OPTIONS[2]));
    expect(chooseBoard(OPTIONS, { benchmark: 'apc' })).toEqual(key(OPTIONS[2]));
    expect(chooseBoard(OPTIONS, { benchmark: 'nope' })).toEqual(key(OPTIONS[3]));
    expect(chooseBoard(OPTIONS, {})).toEqual(key(OPTIONS[3]));
  });
  it('no boards: nothing', () => {
    expect(chooseBoard([], {})).toBeNull();
  });
});
