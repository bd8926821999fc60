// Released results with items (main.result_items) get intervals on their leaderboards: the same bootstrap
// CIs and tie letters as bootstrap.ts gives on the benchmark's own item tables. Boards of aggregates do not
// fetch the items at all, and an embed's released-only board does not let an upload move its letters.
import { describe, expect, it, onTestFinished } from 'vitest';
import { AGGREGATES_ONLY, boardChartSpec } from '../../src/lib/charts/board-chart.ts';
import { bootstrapGroups, groupLetters } from '../../src/lib/charts/bootstrap.ts';
import { DbClient } from '../../src/lib/db/client.ts';
import { createNodeConnector } from '../../src/lib/db/node-connector.ts';
import { nodeTableSource } from '../../src/lib/db/node-source.ts';
import { prepareBytes } from '../../src/lib/db/user-data/prepare.ts';
import { UserData } from '../../src/lib/db/user-data/service.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { BOARD_BOOTSTRAP, entryKey } from '../../src/lib/explore/board-intervals.ts';
import { resultsService, type BoardKey, type RankedBoard } from '../../src/lib/explore/results-service.ts';
import { dataDir } from './built-data.ts';

// A client whose table fetches are recorded, so a test can tell which tables a board read.
const fetched: string[] = [];
const source = nodeTableSource(dataDir);
const db = new DbClient(createNodeConnector, { catalog: () => source.catalog(), tableBytes: (file) => (fetched.push(file), source.tableBytes(file)) });
const userData = new UserData(db, memoryStore(), async (file, name, type) => prepareBytes(new Uint8Array(await file.arrayBuffer()), name, type));
const svc = resultsService(db);

/** What bootstrap.ts gives on each entry's item values, read from the benchmark's own table. */
async function expectedIntervals(board: RankedBoard, itemsOf: (model: string) => Promise<number[]>) {
  const groups = await Promise.all(board.rows.map(async (r) => ({ key: entryKey(r), values: (await itemsOf(r.model)).sort((a, b) => a - b) })));
  groups.sort((a, b) => a.key.localeCompare(b.key));
  const result = bootstrapGroups(groups, { ...BOARD_BOOTSTRAP, higherIsBetter: board.rows[0].higher_is_better });
  return new Map(result.estimates.map((e) => [e.key, { n: e.n, mean: e.mean, interval: { lo: e.lo, hi: e.hi, tie_group: groupLetters(e.tieGroups) } }]));
}

function expectMatches(board: RankedBoard, expected: Awaited<ReturnType<typeof expectedIntervals>>) {
  expect(board.bootstrap).toEqual(BOARD_BOOTSTRAP);
  for (const r of board.rows) {
    const e = expected.get(entryKey(r))!;
    expect(r.items, r.model).toBe(e.n);
    expect(r.value).toBeCloseTo(e.mean, 9);
    expect(r.interval, r.model).toEqual(e.interval);
  }
}

describe('released leaderboards with item rows', () => {
  it('gives an aggregate board no intervals, without fetching main.result_items', async () => {
    const key = (await svc.boards()).find((b) => b.benchmark === 'personabench' && b.models > 2)!;
    const board = await svc.rankedBoard(key);
    expect(board.bootstrap).toBeNull();
    expect(board.rows.every((r) => r.items === 1 && r.interval === null)).toBe(true);
    expect(boardChartSpec(key, board).uncertainty).toBe(AGGREGATES_ONLY);
    expect(fetched).toContain('main/results.arrow.gz');
    expect(fetched).not.toContain('main/result_items.arrow.gz');
  });

  it('personalized-judge: each judge’s accuracy with the CI and letters of its judgments', async () => {
    const key: BoardKey = { benchmark: 'personalized-judge', metric: 'accuracy', subset: 'AP' };
    const board = await svc.rankedBoard(key);
    expect(fetched).toContain('main/result_items.arrow.gz');
    expect(board.rows.map((r) => [r.model, r.rank])).toEqual([
      ['command-r-plus', 1],
      ['meta-llama_Meta-Llama-3-70B-Instruct', 2],
      ['gpt-4o', 3],
      ['gpt-3.5-turbo', 4],
    ]);
    const judgments = async (judge: string) =>
      (await db.query(`SELECT correct::INTEGER AS v FROM personalized_judge.judgments WHERE task = 'AP' AND judge = $1`, { params: [judge] })).rows.map((r) => Number(r.v));
    expectMatches(board, await expectedIntervals(board, judgments));
    // The review's case: the top three cannot be told apart, GPT-3.5 can.
    expect(board.rows.map((r) => r.interval!.tie_group)).toEqual(['A', 'A', 'A', 'B']);
    expect(board.rows.map((r) => r.items)).toEqual([525, 525, 523, 525]);
    const spec = boardChartSpec(key, board);
    expect(spec.encoding).toMatchObject({ lo: 'lo', hi: 'hi', label: 'group' });
    expect(spec.subtitle).not.toMatch(/aggregate/);
  });

  it('SPP: the mean over logged records with the CI of those records; absent-as-0 stays an aggregate', async () => {
    const subset = 'Logic Grid Puzzle / spp / without system message';
    const key: BoardKey = { benchmark: 'spp', metric: 'score % (mean over logged records, recomputed)', subset };
    const board = await svc.rankedBoard(key);
    expect(board.rows.length).toBe(3);
    const records = async (setting: string) =>
      (
        await db.query(
          `SELECT 100 * score AS v FROM spp.instance_scores WHERE task = 'logic_grid_puzzle' AND method = 'spp' AND model_setting = $1 AND score IS NOT NULL`,
          { params: [setting] },
        )
      ).rows.map((r) => Number(r.v));
    expectMatches(board, await expectedIntervals(board, records));
    const absent = await svc.rankedBoard({ ...key, metric: 'score % (absent records as 0, recomputed)' });
    expect(absent.bootstrap).toBeNull();
    expect(absent.rows.every((r) => r.items === 1 && r.interval === null)).toBe(true);
  });

  it('ranks and groups an embed’s released entries among themselves, whatever the visitor uploaded', async () => {
    const key: BoardKey = { benchmark: 'personalized-judge', metric: 'accuracy', subset: 'EC' };
    const before = await svc.rankedBoard(key);
    const items = Array.from({ length: 40 }, (_, i) => `best,${key.benchmark},${key.metric},${key.subset},q${i},${i % 10 < 9 ? 1 : 0}`);
    const { info } = await userData.add(new Blob([`model,benchmark,metric,subset,item,value\n${items.join('\n')}\n`]), 'better judge.csv');
    onTestFinished(() => userData.remove(info.name));
    const mixed = await svc.rankedBoard(key);
    expect(mixed.rows[0]).toMatchObject({ model: 'best', is_mine: true, rank: 1, items: 40 });
    expect(mixed.rows.filter((r) => !r.is_mine).map((r) => r.rank)).toEqual(before.rows.map((r) => r.rank + 1));
    expect(await svc.rankedBoard(key, undefined, { releasedOnly: true })).toEqual(before);
  });
});
