// One direction per leaderboard: an upload cannot rank a released metric the other way, rows that
// disagree are refused naming them, and an upload-only board without a stated direction says it was assumed.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { resultsService } from '../../src/lib/explore/results-service.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const results = resultsService(db);
const file = (text: string) => new Blob([text]);
const board = { benchmark: 'personamem', metric: 'MCQ accuracy', subset: 'overall · 128k context' };
const head = 'model,benchmark,metric,subset,value,higher_is_better\n';

describe('leaderboard direction of uploads', () => {
  it('rests on the release having one direction per metric (what uploads are ranked by)', async () => {
    const mixed = await db.query('select benchmark, metric from main.results group by all having count(distinct higher_is_better) > 1 or count(higher_is_better) < count(*)');
    expect(mixed.rows).toEqual([]);
  });

  it('refuses a row ranking a released metric the other way, naming the row; without the column it ranks by the release', async () => {
    const released = await db.query('select bool_and(higher_is_better) as h from main.results where benchmark = $1 and metric = $2', { params: [board.benchmark, board.metric] });
    expect(released.rows[0].h).toBe(true);
    const { info, mappingProblem } = await userData.add(file(`${head}my-agent,${board.benchmark},${board.metric},${board.subset},0.99,false\n`), 'dir.csv');
    expect(info.mapping).toBeNull();
    expect(mappingProblem).toBe(
      `row 1, column “higher_is_better”: lower is better, but the released personamem · MCQ accuracy is ranked higher is better. A leaderboard has one direction: fix the row or leave the column out (the released direction is then used).`,
    );
    await userData.remove(info.name);

    await userData.add(file(`model,benchmark,metric,subset,value\nmy-agent,${board.benchmark},${board.metric},${board.subset},0.99\n`), 'nodir.csv');
    const rows = await results.board(board);
    const mine = rows.find((r) => r.is_mine)!;
    expect(mine).toMatchObject({ rank: 1, higher_is_better: true, direction_assumed: false });
    expect(new Set(rows.map((r) => r.higher_is_better))).toEqual(new Set([true]));
    const option = (await results.boards()).find((o) => o.benchmark === board.benchmark && o.metric === board.metric && o.subset === board.subset)!;
    expect(option.uploads).toBe('mine.nodir');
    expect(option.released).toBe(option.models - 1);
    await userData.remove('nodir');
  });

  it('refuses rows of one metric that disagree, and a second upload that disagrees with the first', async () => {
    const split = await userData.add(file('model,metric,value,higher_is_better\na,latency,3,false\nb,latency,4,true\n'), 'split.csv');
    expect(split.mappingProblem).toMatch(/^rows 1 and 2, column “higher_is_better”: one says higher is better, the other lower is better, for mine:split · latency/);
    await userData.remove('split');

    const first = await userData.add(file('model,benchmark,metric,value,higher_is_better\na,own,latency,3,false\n'), 'first.csv');
    expect(first.mappingProblem).toBeUndefined();
    const second = await userData.add(file('model,benchmark,metric,value,higher_is_better\nb,own,latency,4,true\n'), 'second.csv');
    expect(second.mappingProblem).toMatch(/^row 1, column “higher_is_better”: higher is better, but mine\.first ranks own · latency lower is better/);
    // An upload saying nothing joins the stated direction.
    await userData.add(file('model,benchmark,metric,value\nc,own,latency,1\n'), 'third.csv');
    const rows = await results.board({ benchmark: 'own', metric: 'latency', subset: '' });
    expect(rows.map((r) => [r.model, r.rank, r.higher_is_better, r.direction_assumed])).toEqual([
      ['c', 1, false, false],
      ['a', 2, false, false],
    ]);
    for (const t of ['first', 'second', 'third']) await userData.remove(t);
  });

  it('an upload-only board with no stated direction is higher-is-better, flagged as assumed; its board lists no released models', async () => {
    await userData.add(file('model,metric,value\na,latency,3\nb,latency,4\n'), 'items.csv');
    const rows = await results.board({ benchmark: 'mine:items', metric: 'latency', subset: '' });
    expect(rows.map((r) => [r.model, r.rank, r.higher_is_better, r.direction_assumed, r.unit])).toEqual([
      ['b', 1, true, true, ''],
      ['a', 2, true, true, ''],
    ]);
    const option = (await results.boards()).find((o) => o.benchmark === 'mine:items')!;
    expect(option).toMatchObject({ released: 0, uploads: 'mine.items', models: 2 });
  });
});
