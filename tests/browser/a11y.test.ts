// axe-core on every page, light and dark: no serious or critical violation.
// axe's source is injected from node_modules, so nothing is fetched from outside.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, waitForDb, type Session } from './harness.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES = [
  '#/',
  '#/b/personagym',
  '#/b/personalized-judge',
  '#/b/personabench',
  '#/b/personagym/questions',
  '#/leaderboard',
  '#/models',
  '#/models/gpt-4o',
  '#/compare?m=gpt-4o,gpt-3.5-turbo',
  '#/sql',
  `#/sql/result?sql=${encodeURIComponent('SELECT model, task, score FROM personagym.scores')}&chart.mark=bar&chart.x=model&chart.y=score&chart.aggregate=mean`,
  '#/mine',
  '#/score',
];

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (scheme) => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await s.page.emulateMedia({ colorScheme: scheme });
  });
  afterAll(async () => {
    s.assertClean();
    await s.close();
  });

  it.each(PAGES)('%s has no serious or critical axe violation', async (hash) => {
    await s.open(hash);
    await waitForDb(s.page);
    // Let the page's queries and charts settle before auditing what a visitor sees.
    await s.page.waitForLoadState('networkidle');
    await s.page.waitForTimeout(500);
    if (!(await s.page.evaluate(() => 'axe' in window))) await s.page.addScriptTag({ content: axeSource });
    const violations = await s.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);
  });
});
