// Curated views and drill-down reading views on the built data: takeaways are computed from the rows
// they summarise, and a question's evidence comes with its turns.
import { describe, expect, it } from 'vitest';
import { judgeAtThreshold, judgeTakeaway, papiDistribution, personamemBySessions } from '../../src/lib/explore/curated-views.ts';
import { personabenchEvidence } from '../../src/lib/explore/drill-views.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const has = (id: string) => builtCatalog().benchmarks.some((b) => b.id === id && b.tables.length > 0);
const db = sharedDb();

describe.skipIf(!has('personamem'))('PersonaMem by sessions', () => {
  it('pivots one line per model and states the fall computed from those lines', async () => {
    const view = await personamemBySessions(db);
    const models = view.pivot.rows.filter((r) => r.kind === 'model');
    expect(models.length).toBeGreaterThan(1);
    const first = models.map((r) => r.cells[0]).filter((v): v is number => v !== null);
    const last = models.map((r) => r.cells[r.cells.length - 1]).filter((v): v is number => v !== null);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(view.takeaway).toContain(`${Math.round(mean(first) * 1000) / 1000} to ${Math.round(mean(last) * 1000) / 1000}`);
  });
});

describe.skipIf(!has('personalized-judge'))('judge certainty threshold', () => {
  it('keeps fewer items as the threshold rises, and says so', async () => {
    const low = await judgeAtThreshold(db, 0);
    const high = await judgeAtThreshold(db, 90);
    for (const r of low) {
      const h = high.find((x) => x.task === r.task && x.judge === r.judge)!;
      expect(h.n ?? 0).toBeLessThanOrEqual(r.n ?? 0);
    }
    expect(judgeTakeaway(high, 90)).toMatch(/^At certainty ≥ 90, \d+ of \d+ judge × task runs keep items/);
    expect(judgeTakeaway(await judgeAtThreshold(db, 1000), 1000)).toBe('No judge has items with certainty ≥ 1000.');
  });
});

describe.skipIf(!has('papi'))('PAPI answer distribution', () => {
  it('has shares summing to one per trait and names the modal answer', async () => {
    const view = await papiDistribution(db);
    for (const r of view.pivot.rows) expect(r.cells.reduce<number>((s, v) => s + (v ?? 0), 0)).toBeCloseTo(1, 2);
    expect(view.takeaway).toMatch(/^The commonest answer is “.+” in \d of \d traits/);
  });
});

describe.skipIf(!has('personabench'))('PersonaBench evidence', () => {
  it('gives a question’s evidence segments, best rank first, with their turns', async () => {
    const { rows } = await db.query('SELECT q_id FROM personabench.evidence WHERE evidence_rank = 1 LIMIT 1');
    const segments = await personabenchEvidence(db, String(rows[0].q_id));
    expect(segments.length).toBeGreaterThan(0);
    expect(segments[0].rank).toBe(1);
    expect(segments.some((s) => s.turns.length > 0)).toBe(true);
    for (const s of segments) expect(s.turns.map((t) => t.index)).toEqual([...s.turns.map((t) => t.index)].sort((a, b) => a - b));
  });

  it('joins text only to noise-0 segments: ids are numbered per noise level, so a noisier id is another session', async () => {
    // A question whose evidence spans several noise levels.
    const { rows } = await db.query(`SELECT q_id FROM personabench.evidence GROUP BY q_id HAVING count(DISTINCT noise_ratio) > 1 ORDER BY q_id LIMIT 1`);
    const segments = await personabenchEvidence(db, String(rows[0].q_id));
    expect(new Set(segments.map((s) => s.noise)).size).toBeGreaterThan(1);
    expect(segments.map((s) => s.noise)).toEqual([...segments.map((s) => s.noise)].sort((a, b) => a - b));
    for (const s of segments.filter((x) => x.noise !== 0)) expect([s.turns.length, s.document]).toEqual([0, null]);
    const shipped = await db.query(`SELECT DISTINCT segment_id FROM personabench.evidence WHERE q_id = $1 AND noise_ratio = 0`, { params: [rows[0].q_id] });
    expect(segments.filter((s) => s.noise === 0).map((s) => s.segmentId).sort()).toEqual(shipped.rows.map((r) => String(r.segment_id)).sort());
  });
});
