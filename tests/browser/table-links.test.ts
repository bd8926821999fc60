// Links into the table browser: link parameters the browser cannot apply are named, not silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCatalog, newSession, settledTotal, waitForDb, type Session } from './harness.ts';

const gym = builtCatalog().benchmarks.find((b) => b.id === 'personagym');
const questions = gym?.tables.find((t) => t.name === 'questions');

let s: Session;
beforeAll(async () => {
  s = await newSession();
  await s.open('#/');
  await s.page.waitForSelector('[data-db-state="ready"]', { timeout: 90_000 });
});
afterAll(async () => {
  s.assertClean();
  await s.close();
});

describe.skipIf(!questions)('table links', () => {
  it('names a link’s unknown sort column and inverted range instead of quietly showing 0 rows', async () => {
    await s.open('#/b/personagym/questions?sort=nocol&range.persona_id=10..5');
    const p = s.page;
    await p.reload();
    await waitForDb(p);
    expect(await settledTotal(p)).toBe(questions!.rows);
    expect(await p.locator('[data-ignored-filters]').innerText()).toBe(
      'Not applied: the range on “persona_id”: the minimum (10) is above the maximum (5); a sort on “nocol”, which this table has no column of. The count above is without it.',
    );
    await s.open('#/b/personagym/questions?sort=nocol');
    await expect.poll(() => p.locator('[data-ignored-filters]').innerText()).toBe('Not applied: a sort on “nocol”, which this table has no column of.');
  });
});
