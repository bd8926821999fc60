// Leaderboard intervals on a real DuckDB (Node build) with user data: an upload with one row per item
// gets each model's mean, its 95% bootstrap CI and tie groups (the same numbers as bootstrap.ts on the
// same values); a released board of aggregates gets none (released items: released-board-intervals.test.ts);
// a mixed board gets them where it can.
import { describe, expect, it, onTestFinished } from 'vitest';
import { boardChartSpec, AGGREGATES_ONLY } from '../../src/lib/charts/board-chart.ts';
import { bootstrapGroups, groupLetters, mean } from '../../src/lib/charts/bootstrap.ts';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { BOARD_BOOTSTRAP, entryKey, withIntervals } from '../../src/lib/explore/board-intervals.ts';
import { resultsService } from '../../src/lib/explore/results-service.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const svc = resultsService(db);

// 40 items per model: alpha gets 90% right, beta 50%, gamma 40% (beta and gamma cannot be told apart at n = 40).
const ITEMS = 40;
const share: Record<string, number> = { alpha: 9, beta: 5, gamma: 4 };
const values = (model: string) => Array.from({ length: ITEMS }, (_, i) => (i % 10 < share[model] ? 1 : 0));
const itemCsv = (benchmark: string | null, metric: string, subset = '') =>
  `model,${benchmark ? 'benchmark,' : ''}metric,subset,item,value\n` +
  Object.keys(share)
    .flatMap((m) => values(m).map((v, i) => `${m},${benchmark ? `${benchmark},` : ''}${metric},${subset},q${i},${v}`))
    .join('\n');

describe('leaderboard intervals from item rows', () => {
  it('gives each uploaded model its mean, a seeded 95% bootstrap CI and a tie group', async () => {
    await userData.add(new Blob([itemCsv(null, 'accuracy')]), 'items.csv');
    const key = { benchmark: 'mine:items', metric: 'accuracy', subset: '' };
    const board = await svc.rankedBoard(key);
    expect(board.bootstrap).toEqual(BOARD_BOOTSTRAP);
    expect(board.rows.map((r) => [r.model, r.items, r.rank, r.interval?.tie_group])).toEqual([
      ['alpha', ITEMS, 1, 'A'],
      ['beta', ITEMS, 2, 'B'],
      ['gamma', ITEMS, 3, 'B'],
    ]);
    // The same numbers as bootstrap.ts on the same values (groups in key order, values sorted).
    const groups = board.rows
      .map((r) => ({ key: entryKey(r), values: values(r.model).sort((a, b) => a - b) }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const expected = bootstrapGroups(groups, BOARD_BOOTSTRAP);
    for (const r of board.rows) {
      const e = expected.estimates.find((x) => x.key === entryKey(r))!;
      expect(r.value).toBeCloseTo(mean(values(r.model)), 12);
      expect(r.interval).toEqual({ lo: e.lo, hi: e.hi, tie_group: groupLetters(e.tieGroups) });
      expect(r.interval!.lo).toBeLessThanOrEqual(r.value);
      expect(r.interval!.hi).toBeGreaterThanOrEqual(r.value);
    }
    // Reproducible: asking again gives the same intervals.
    expect((await svc.rankedBoard(key)).rows).toEqual(board.rows);
    // A model page and a comparison show released results only: an upload is not the model's result.
    expect((await svc.resultsOf(['alpha'])).find((r) => r.benchmark === key.benchmark)).toBeUndefined();

    const spec = boardChartSpec(key, board);
    expect(spec.encoding).toMatchObject({ mark: 'dot', lo: 'lo', hi: 'hi', label: 'group' });
    expect(spec.data.map((d) => d.group)).toEqual(['A', 'B', 'B']);
    expect(spec.uncertainty).toContain(`${BOARD_BOOTSTRAP.resamples.toLocaleString('en-US')} resamples, seed ${BOARD_BOOTSTRAP.seed}`);
  });

  it('keeps an upload under a released model name off that model’s page and comparisons', async () => {
    const key = (await svc.boards()).find((b) => !b.benchmark.startsWith('mine:') && b.models > 2)!;
    const released = await svc.board(key);
    const top = released[0];
    const worse = top.higher_is_better ? top.value - 1 : top.value + 1;
    const { info } = await userData.add(new Blob([`model,benchmark,metric,subset,value\n${top.model_id},${key.benchmark},${key.metric},"${key.subset}",${worse}\n`]), 'same-name.csv');
    onTestFinished(() => userData.remove(info.name));
    const shown = (await svc.resultsOf([top.model_id])).filter((r) => r.benchmark === key.benchmark && r.metric === key.metric && r.subset === key.subset);
    expect(shown).toEqual([expect.objectContaining({ value: top.value, rank: 1, of: released.length })]);
  });

  it('draws no intervals on a released board of aggregates: one value per model', async () => {
    const key = (await svc.boards()).find((b) => b.benchmark === 'personabench' && b.models > 2)!;
    const board = await svc.rankedBoard(key);
    expect(board.bootstrap).toBeNull();
    expect(board.rows.length).toBeGreaterThan(2);
    expect(board.rows.every((r) => r.items === 1 && r.interval === null && !r.is_mine)).toBe(true);
    expect(board.rows.map((r) => r.value)).toEqual((await svc.board(key)).map((r) => r.value));
    const spec = boardChartSpec(key, board);
    expect(spec.uncertainty).toBe(AGGREGATES_ONLY);
    expect(spec.encoding.lo).toBeUndefined();
  });

  it('puts item rows on a released board: intervals for the upload only, tie groups among them', async () => {
    const key = (await svc.boards()).find((b) => b.benchmark === 'personabench' && b.models > 2)!;
    await userData.add(new Blob([itemCsv(key.benchmark, key.metric, key.subset)]), 'on released.csv');
    const board = await svc.rankedBoard(key);
    const mine = board.rows.filter((r) => r.is_mine);
    const released = board.rows.filter((r) => !r.is_mine);
    expect(mine.map((r) => [r.model, r.items, r.interval?.tie_group]).sort()).toEqual([
      ['alpha', ITEMS, 'A'],
      ['beta', ITEMS, 'B'],
      ['gamma', ITEMS, 'B'],
    ]);
    expect(released.length).toBeGreaterThan(2);
    expect(released.every((r) => r.items === 1 && r.interval === null)).toBe(true);
    // Ranks place the means among the released values.
    for (let i = 1; i < board.rows.length; i++) expect(board.rows[i].value).toBeLessThanOrEqual(board.rows[i - 1].value);
    const spec = boardChartSpec(key, board);
    expect(spec.subtitle).toMatch(/Rows with one aggregate value have no interval/);
    expect(new Set(spec.data.map((d) => d.model)).size).toBe(board.rows.length);
  });
});

describe('withIntervals', () => {
  const row = (model: string, items: number) => ({ model, model_id: model, is_mine: true, upload: 'mine.t', items, higher_is_better: false });
  it('does not depend on the order of the item values', () => {
    const rows = [row('a', 4), row('b', 4), row('c', 1)];
    const items = [
      ...[0.1, 0.2, 0.15, 0.3].map((value) => ({ ...row('a', 4), value })),
      ...[0.6, 0.5, 0.7, 0.65].map((value) => ({ ...row('b', 4), value })),
    ];
    const forward = withIntervals(rows, items);
    expect(withIntervals(rows, [...items].reverse())).toEqual(forward);
    // Lower is better: the smaller errors lead group A.
    expect(forward.rows.map((r) => r.interval?.tie_group ?? null)).toEqual(['A', 'B', null]);
  });
});
