// Leaderboard embeds: the link round trip and its clear errors, the permalink to the leaderboard page,
// and the released rows only (the visitor's uploads never travel in an embed).
import { describe, expect, it } from 'vitest';
import { boardEmbed, releasedBoardSpec } from '../../src/lib/charts/embed-board.ts';
import { chartPageHash, embedUrl, parseEmbedQuery, type EmbedChart } from '../../src/lib/charts/embed-url.ts';
import type { BoardKey, RankedBoard } from '../../src/lib/explore/results-service.ts';
import { parseRoute } from '../../src/lib/state/router.ts';
import { splitHash } from '../../src/lib/state/url-state.ts';
import type { BenchmarkEntry } from '../../src/lib/types.ts';
import { builtCatalog } from './built-data.ts';

const KEY: BoardKey = { benchmark: 'personabench', metric: 'end-to-end F1', subset: 'ground-truth context · Overall · noise 0.5' };
const root = 'https://example.org/personascope/';

type Row = RankedBoard['rows'][number];
// Asserted, not annotated: fields the board gains later need no change here.
const row = (model: string, value: number, rank: number, mine = false): Row =>
  ({
    rank,
    model,
    model_id: model,
    display_name: model,
    value,
    items: mine ? 3 : 1,
    unit: 'F1',
    higher_is_better: true,
    source: mine ? 'mine.runs' : 'paper',
    is_mine: mine,
    upload: mine ? 'mine.runs' : null,
    canonical: !mine,
    interval: mine ? { lo: value - 0.1, hi: value + 0.1, tie_group: 'a' } : null,
  }) as Row;
const MIXED: RankedBoard = {
  rows: [row('mine-1', 0.9, 1, true), row('a', 0.8, 2), row('b', 0.8, 2), row('mine-2', 0.7, 4, true), row('c', 0.5, 5)],
  bootstrap: { resamples: 1000, seed: 1, level: 0.95 },
};

describe('leaderboard embed links', () => {
  const chart: EmbedChart = { kind: 'board', ...KEY };

  it('read back the board and theme they wrote', () => {
    for (const theme of ['auto', 'light', 'dark'] as const) {
      const url = new URL(embedUrl(root, chart, theme));
      expect(url.pathname).toBe('/personascope/embed.html');
      expect(parseEmbedQuery(url.search)).toEqual({ chart, theme });
    }
    // A board without subsets keeps its empty subset.
    const bare: EmbedChart = { kind: 'board', benchmark: 'x', metric: 'acc', subset: '' };
    expect(parseEmbedQuery(new URL(embedUrl(root, bare, 'light')).search)).toEqual({ chart: bare, theme: 'light' });
  });

  it('link back to the leaderboard page showing that board', () => {
    const hash = chartPageHash(chart);
    expect(parseRoute(hash)).toEqual({ page: 'leaderboard' });
    expect(Object.fromEntries(splitHash(hash).query)).toEqual(KEY);
    expect(hash.startsWith('#/leaderboard?benchmark=personabench&metric=')).toBe(true);
  });

  it('say what is missing or wrong', () => {
    expect(parseEmbedQuery('?metric=acc&subset=')).toEqual({ error: expect.stringContaining('no benchmark') });
    expect(parseEmbedQuery('?b=apc&subset=x')).toEqual({ error: expect.stringContaining('no metric') });
    expect(parseEmbedQuery('?b=apc&metric=&subset=x')).toEqual({ error: expect.stringContaining('no metric') });
    expect(parseEmbedQuery('?b=apc&metric=Human')).toEqual({ error: expect.stringContaining('no subset') });
    expect(parseEmbedQuery('?b=apc&view=v&metric=Human&subset=x')).toEqual({ error: expect.stringContaining('keep one') });
  });
});

describe('what a leaderboard embed shows', () => {
  const entry = builtCatalog().benchmarks.find((b) => b.id === 'personabench') as BenchmarkEntry;

  it('is offered for a released benchmark’s board with a released row, never for uploads alone', () => {
    expect(boardEmbed(KEY, entry, MIXED.rows)).toEqual({ kind: 'board', ...KEY });
    expect(boardEmbed(KEY, entry, MIXED.rows.filter((r) => r.is_mine))).toBeNull();
    expect(boardEmbed({ ...KEY, benchmark: 'mine:runs' }, undefined, MIXED.rows)).toBeNull();
    expect(boardEmbed(KEY, undefined, MIXED.rows)).toBeNull();
  });

  // The service ranks and groups the released entries alone (SQL; see released-board-intervals.test.ts).
  const releasedOf = (board: RankedBoard): RankedBoard => {
    const rows = board.rows.filter((r) => !r.is_mine);
    return { rows, bootstrap: rows.some((r) => r.interval) ? board.bootstrap : null };
  };
  const service = (board: RankedBoard) => ({
    rankedBoard: async (_key: BoardKey, _signal?: AbortSignal, options: { releasedOnly?: boolean } = {}) => (options.releasedOnly ? releasedOf(board) : board),
  });

  it('asks for the released entries only, and keeps their intervals and tie letters', async () => {
    const withItems: RankedBoard = { ...MIXED, rows: MIXED.rows.map((r) => (r.model === 'a' ? { ...r, items: 30, interval: { lo: 0.7, hi: 0.9, tie_group: 'A' } } : r)) };
    const spec = await releasedBoardSpec(service(withItems), KEY, entry);
    if ('refusal' in spec) throw new Error(spec.refusal);
    expect(spec.data.map((d) => [d.model, d.group])).toEqual([
      ['a', 'A'],
      ['b', null],
      ['c', null],
    ]);
    expect(spec.encoding).toMatchObject({ lo: 'lo', hi: 'hi', label: 'group' });
  });

  it('charts them from main.results with the benchmark’s licence, or says why it cannot', async () => {
    const spec = await releasedBoardSpec(service(MIXED), KEY, entry);
    if ('refusal' in spec) throw new Error(spec.refusal);
    expect(spec.view).toBe('leaderboard');
    expect(spec.data.map((d) => d.model)).toEqual(['a', 'b', 'c']);
    expect(spec.source).toMatchObject({ benchmark: entry.short, benchmarkId: 'personabench', table: 'main.results' });
    expect(spec.source.license).not.toBe('your data');
    const onlyMine = await releasedBoardSpec(service({ ...MIXED, rows: MIXED.rows.filter((r) => r.is_mine) }), KEY, entry);
    expect(onlyMine).toEqual({ refusal: expect.stringContaining('only results someone added in their own browser') });
    const none = await releasedBoardSpec(service({ rows: [], bootstrap: null }), KEY, entry);
    expect(none).toEqual({ refusal: expect.stringContaining('has no leaderboard') });
  });
});
