// The explorer: table browser state round-trips through the URL, drill-down, leaderboards and model pages.
// One browser session for the whole file (DuckDB boots once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCatalog, builtTableRows, newSession, waitForDb, type Session, settledTotal } from './harness.ts';

const catalog = builtCatalog();
const gym = catalog.benchmarks.find((b) => b.id === 'personagym');
const resultsTable = catalog.shared.find((t) => t.qualified === 'main.results')!;

let s: Session;
beforeAll(async () => {
  s = await newSession();
  await s.open('#/');
  await s.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 }); // expect.poll only works inside a test
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});


describe.skipIf(!gym)('table browser', () => {
  it('keeps facet, sort and search in the URL, and a reload restores them', async () => {
    const table = gym!.tables.find((t) => t.name === 'questions')!;
    const rows = builtTableRows(table.file) as { task: string; question_index: number; persona: string; question: string }[];
    await s.open('#/b/personagym/questions');
    const p = s.page;
    expect(await settledTotal(s.page)).toBe(table.rows);

    await p.locator('[data-facet="task"] button[data-value="Toxicity"]').click();
    await p.locator('th[data-column="question_index"] button').click();
    await p.locator('th[data-column="question_index"] button').click();
    await p.getByLabel('Search text columns').fill('hiking');
    const expected = rows.filter(
      (r) => r.task === 'Toxicity' && [r.persona, r.task, r.question].some((t) => t.toLowerCase().includes('hiking')),
    );
    await expect.poll(() => settledTotal(s.page)).toBe(expected.length);
    const url = new URL(p.url());
    const query = new URLSearchParams(url.hash.split('?')[1]);
    expect(query.getAll('facet.task')).toEqual(['Toxicity']);
    expect(query.get('sort')).toBe('-question_index');
    expect(query.get('q')).toBe('hiking');

    await p.reload();
    await waitForDb(p);
    expect(await settledTotal(s.page)).toBe(expected.length);
    expect(await p.getByLabel('Search text columns').inputValue()).toBe('hiking');
    expect(await p.locator('[data-facet="task"] button[data-value="Toxicity"]').getAttribute('aria-pressed')).toBe('true');
    expect(await p.locator('th[data-column="question_index"]').getAttribute('aria-sort')).toBe('descending');
    const top = Math.max(...expected.map((r) => r.question_index));
    expect(await p.locator('[data-row-index="0"] td[data-column="question_index"]').innerText()).toBe(String(top));
    // Facet counts follow the other filters: every task's count is taken under the search.
    const linguistic = expected.length && rows.filter((r) => r.task === 'Linguistic Habits' && [r.persona, r.task, r.question].some((t) => t.toLowerCase().includes('hiking'))).length;
    await expect
      .poll(() => p.locator('[data-facet="task"] button[data-value="Linguistic Habits"] .n').innerText())
      .toBe(linguistic.toLocaleString('en-US'));
  });

  it('says which filters of a link it cannot apply, instead of counting as if they held', async () => {
    const table = gym!.tables.find((t) => t.name === 'questions')!;
    await s.open('#/b/personagym/questions?facet.tsak=Toxicity&range.task=1..5');
    expect(await settledTotal(s.page)).toBe(table.rows);
    expect(await s.page.locator('[data-ignored-filters]').innerText()).toBe(
      'Not applied: a filter on “tsak”, which this table has no column of; a range on “task”, which holds no numbers. The count above is without them.',
    );
  });

  it('keeps the text typed in a table page’s SQL box across a reload', async () => {
    await s.open('#/b/personagym/questions');
    const box = s.page.getByRole('textbox', { name: 'SQL query' });
    await box.fill('SELECT task, count(*) FROM personagym.questions GROUP BY task');
    await s.page.reload();
    await waitForDb(s.page);
    await expect.poll(() => s.page.getByRole('textbox', { name: 'SQL query' }).inputValue()).toBe('SELECT task, count(*) FROM personagym.questions GROUP BY task');
  });

  it('a range taken off (Clear filters) leaves its boxes empty, so the next entry does not bring it back', async () => {
    const table = gym!.tables.find((t) => t.name === 'questions')!;
    await s.open('#/b/personagym/questions');
    const p = s.page;
    await p.locator('details.ranges > summary').click();
    const min = p.getByLabel('question_index at least');
    await min.fill('3');
    await min.press('Enter');
    await expect.poll(() => new URLSearchParams(new URL(p.url()).hash.split('?')[1]).get('range.question_index')).toBe('3..');
    await p.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => settledTotal(p)).toBe(table.rows);
    expect(await min.inputValue()).toBe('');
    // With no range left the panel folds: open it again.
    if (!(await p.locator('details.ranges').evaluate((d) => (d as HTMLDetailsElement).open))) await p.locator('details.ranges > summary').click();
    const max = p.getByLabel('question_index at most');
    await max.fill('5');
    await max.press('Enter');
    await expect.poll(() => new URLSearchParams(new URL(p.url()).hash.split('?')[1]).get('range.question_index')).toBe('..5');
  });

  it.skipIf(!catalog.benchmarks.some((b) => b.id === 'personalized-judge'))('matches a facet on a double to the last digit', async () => {
    // DuckDB-WASM passes numeric parameters through JSON, whose reader turned this value into
    // 0.9618320610687024: the facet matched no row.
    const table = catalog.benchmarks.find((b) => b.id === 'personalized-judge')!.tables.find((t) => t.name === 'position_bias')!;
    const v = 0.9618320610687023;
    const expected = builtTableRows(table.file).filter((r) => r.accuracy_when_truth_a === v).length;
    expect(expected).toBeGreaterThan(0);
    await s.open(`#/b/personalized-judge/position_bias?facet.accuracy_when_truth_a=${v}`);
    await expect.poll(() => settledTotal(s.page), { timeout: 30_000 }).toBe(expected);
  });

  it('drills down from a PersonaGym persona to its 50 questions', async () => {
    await s.open('#/b/personagym/personas');
    const p = s.page;
    await settledTotal(s.page);
    const id = await p.locator('[data-row-index="0"] td[data-column="persona_id"]').innerText();
    await p.locator('[data-row-index="0"] button.open').click();
    await p.locator('[data-row-panel]').getByRole('link', { name: /Its questions/ }).click();
    await expect.poll(() => p.locator('h1').innerText()).toBe('Questions');
    expect(await settledTotal(s.page)).toBe(50);
    expect(new URLSearchParams(new URL(p.url()).hash.split('?')[1]).get('facet.persona_id')).toBe(id);
    const tasks = new Set(
      (builtTableRows(gym!.tables.find((t) => t.name === 'questions')!.file) as { persona_id: number; task: string }[])
        .filter((r) => String(r.persona_id) === id)
        .map((r) => r.task),
    );
    expect(await p.locator('[data-row-index="0"] td[data-column="task"]').innerText()).toBe([...tasks].sort()[0]);
  });
});

describe('leaderboards and models', () => {
  const results = builtTableRows(resultsTable.file) as {
    benchmark: string;
    metric: string;
    subset: string;
    model_id: string;
    value: number;
    higher_is_better: boolean;
  }[];

  it('orders a leaderboard best first, as higher_is_better says', async () => {
    const r0 = results.find((r) => r.benchmark === 'personamem') ?? results[0];
    const same = results.filter((r) => r.benchmark === r0.benchmark && r.metric === r0.metric && r.subset === r0.subset);
    const q = new URLSearchParams({ benchmark: r0.benchmark, metric: r0.metric, subset: r0.subset });
    await s.open(`#/leaderboard?${q}`);
    const table = s.page.locator('[data-leaderboard]');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(same.length);
    const values = (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-value')))));
    const sorted = [...values].sort((a, b) => (r0.higher_is_better ? b - a : a - b));
    expect(values).toEqual(sorted);
    expect(await table.getAttribute('data-higher-is-better')).toBe(String(r0.higher_is_better));
    // The best model's name leads to its page.
    const first = table.locator('tbody tr').first();
    expect(await first.getAttribute('data-rank')).toBe('1');
    const best = await first.getAttribute('data-model-id');
    await first.locator('a').click();
    await expect.poll(() => s.page.locator('[data-model-page]').getAttribute('data-model-page')).toBe(best);
  });

  it('lists on a model page every benchmark the model appears in', async () => {
    const counts = new Map<string, Set<string>>();
    for (const r of results) counts.set(r.model_id, (counts.get(r.model_id) ?? new Set()).add(r.benchmark));
    const [model, benchmarks] = [...counts.entries()].sort((a, b) => b[1].size - a[1].size)[0];
    await s.open(`#/models/${model}`);
    const list = s.page.locator('[data-model-benchmarks] li');
    await expect.poll(() => list.count(), { timeout: 60_000 }).toBe(benchmarks.size);
    const shown = await list.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-benchmark-id')));
    expect(new Set(shown)).toEqual(benchmarks);
    // The focus is on the page's heading once loaded, not dropped to the page.
    expect(await s.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // Each benchmark's scores keep its licence, and the page cites every benchmark it shows.
    const entries = catalog.benchmarks.filter((b) => benchmarks.has(b.id));
    expect(await s.page.locator('[data-model-page] section[aria-labelledby^="bench-"] [data-license-status]').count()).toBe(entries.length);
    const sources = s.page.locator('[data-model-page] [data-result-sources]');
    for (const b of entries) expect(await sources.innerText()).toContain(b.short);
    await sources.locator('[data-combined-bibtex] summary').click();
    const bibtex = await sources.locator('[data-combined-bibtex]').innerText();
    for (const b of entries) expect(bibtex).toContain(b.bibtex.trim().split('\n')[0]);
    // A benchmark in the list goes to its section on this page (the hash route stays the model's).
    const last = [...benchmarks].sort().at(-1)!;
    await s.page.locator(`[data-model-benchmarks] li[data-benchmark-id="${last}"] a`).click();
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe(`bench-${last}`);
    expect(s.page.url()).toMatch(new RegExp(`#/models/${model}$`));
    expect(await s.page.locator('[data-model-page]').count()).toBe(1);
  });

  it('compares a model named twice in the link once, and says so', async () => {
    // Two models that share a leaderboard.
    const board = (r: (typeof results)[number]) => `${r.benchmark}\u0000${r.metric}\u0000${r.subset}`;
    const shared = results.find((r) => results.some((o) => board(o) === board(r) && o.model_id !== r.model_id))!;
    const a = shared.model_id;
    const b = results.find((r) => board(r) === board(shared) && r.model_id !== a)!.model_id;
    await s.open(`#/compare?m=${a},${b},${a}`);
    await expect.poll(() => s.page.locator('[data-compare-repeated]').innerText(), { timeout: 60_000 }).toContain(`“${a}”`);
    await expect.poll(() => s.page.locator('[data-compare] thead th').count()).toBe(4);
  });
});

describe.skipIf(!gym)('small screens', () => {
  it('the table browser fits 360 px: the grid scrolls inside itself', async () => {
    const narrow = await newSession({ width: 360, height: 740 });
    try {
      await narrow.open('#/b/personagym/questions?facet.task=Toxicity');
      await narrow.page.waitForSelector('[data-grid][data-ready-key^="?"]', { timeout: 90_000 });
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      narrow.assertClean();
    } finally {
      await narrow.close();
    }
  });
});
