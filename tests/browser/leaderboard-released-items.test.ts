// A released result with items (main.result_items) is ranked with its mean's bootstrap CI and tie group:
// personalized-judge's accuracies are means of its judgments, so its leaderboard and its embed show
// intervals and letters (the same numbers as the shared code gives in Node), not "aggregates only".
import { describe, expect, it } from 'vitest';
import { embedUrl } from '../../src/lib/charts/embed-url.ts';
import { BOARD_BOOTSTRAP, withIntervals } from '../../src/lib/explore/board-intervals.ts';
import { builtTableRows, fileSession, siteUrl } from './harness.ts';

const judgments = builtTableRows('personalized-judge/judgments.arrow.gz') as { task: string; judge: string; correct: boolean }[];
const results = builtTableRows('main/results.arrow.gz').filter((r) => r.benchmark === 'personalized-judge') as { model: string; model_id: string; subset: string }[];

/** What the leaderboard must show for one task: withIntervals over that task's judgments. */
function expectedBoard(task: string) {
  const entries = results
    .filter((r) => r.subset === task)
    .map((r) => ({ model: r.model, model_id: r.model_id, is_mine: false, upload: null, higher_is_better: true, items: judgments.filter((j) => j.task === task && j.judge === r.model).length }));
  const items = judgments.filter((j) => j.task === task).map((j) => ({ ...entries.find((e) => e.model === j.judge)!, value: j.correct ? 1 : 0 }));
  return withIntervals(entries, items).rows.map((r) => ({ model: r.model_id, items: r.items, lo: r.interval!.lo, hi: r.interval!.hi, group: r.interval!.tie_group }));
}

const s = fileSession({ start: '#/' });

describe('released leaderboards with item rows', () => {
  it('show personalized-judge’s accuracies with 95% CIs and tie groups from its judgments', async () => {
    await s.open('#/leaderboard?benchmark=personalized-judge');
    const table = s.page.locator('[data-leaderboard]');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 90_000 }).toBeGreaterThan(1);
    const task = (await table.locator('caption').textContent())!.split(', ').pop()!.trim();
    expect(['AP', 'EC', 'PRISM']).toContain(task);
    await expect.poll(() => table.locator('tbody tr[data-tie-group]').count(), { timeout: 60_000 }).toBe(await table.locator('tbody tr').count());
    const shown = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        model: tr.getAttribute('data-model-id'),
        items: Number(tr.getAttribute('data-items')),
        lo: Number(tr.getAttribute('data-ci-lo')),
        hi: Number(tr.getAttribute('data-ci-hi')),
        group: tr.getAttribute('data-tie-group'),
      })),
    );
    const expected = expectedBoard(task);
    expect([...shown].sort((a, b) => a.model!.localeCompare(b.model!))).toEqual([...expected].sort((a, b) => a.model.localeCompare(b.model)));
    expect(await table.locator('thead').innerText()).toMatch(/Items[\s\S]*95% CI[\s\S]*Tie group/);
    // The notes say where the intervals come from, and no longer that there are no item rows.
    expect(await s.page.locator('[data-no-intervals]').count()).toBe(0);
    expect(await s.page.locator('[data-released-items]').innerText()).toContain('main.result_items');
    expect(await s.page.locator('[data-intervals]').innerText()).toContain(`${BOARD_BOOTSTRAP.resamples.toLocaleString('en-US')} resamples, seed ${BOARD_BOOTSTRAP.seed}`);
    // The chart draws an interval and a letter per judge.
    const svg = s.page.locator('[data-chart="leaderboard"] [data-chart-svg] svg');
    await svg.waitFor({ timeout: 60_000 });
    expect(await svg.locator('g[data-mark="rule"] line').count()).toBe(expected.length);
    expect((await svg.locator('g[data-mark="text"] text').allTextContents()).sort()).toEqual(expected.map((e) => e.group).sort());
  });

  it('draws the AP board’s intervals and letters in its embed too: the top three judges share group A', async () => {
    const expected = expectedBoard('AP');
    expect(expected.map((e) => e.group).sort()).toEqual(['A', 'A', 'A', 'B']);
    await s.page.goto(embedUrl(siteUrl, { kind: 'board', benchmark: 'personalized-judge', metric: 'accuracy', subset: 'AP' }, 'light'));
    await s.page.locator('#embed[data-embed-ready="leaderboard"]').waitFor({ timeout: 90_000 });
    const svg = s.page.locator('#embed svg');
    expect(await svg.locator('g[data-mark="rule"] line').count()).toBe(4);
    expect((await svg.locator('g[data-mark="text"] text').allTextContents()).sort()).toEqual(['A', 'A', 'A', 'B']);
    expect((await svg.locator('[data-source-line]').allTextContents()).join(' ')).toContain('2,000 resamples, seed 1');
  });
});
