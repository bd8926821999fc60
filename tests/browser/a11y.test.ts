// axe-core on every page, light and dark: no serious or critical violation.
// axe's source is injected from node_modules, so nothing is fetched from outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, seriousAxeViolations, waitForDb, type Session } from './harness.ts';

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
    const violations = await seriousAxeViolations(s.page);
    expect(violations).toEqual([]);
  });
});
