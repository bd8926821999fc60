// Recipes checked on the published tables themselves (what visitors get), through the browser's engine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecks } from '../../data/build/checks.ts';
import { benchmarkDir } from '../../data/build/meta.ts';
import { quoteIdent } from '../../src/lib/db/sql-text.ts';
import { builtCatalog, sharedDb } from './built-data.ts';

const catalog = builtCatalog();
const db = sharedDb();

describe('published tables', () => {
  it.each(catalog.benchmarks.filter((b) => b.tables.length).map((b) => [b.id, b] as const))(
    '%s: every table loads with its catalog row count and columns',
    async (_id, b) => {
      for (const t of b.tables) {
        const r = await db.query(`select count(*) as n from ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
        expect(r.rows[0].n, t.qualified).toBe(t.rows);
        const cols = await db.query(`select * from ${quoteIdent(t.schema)}.${quoteIdent(t.name)} limit 0`);
        expect(cols.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.name));
      }
    },
  );

  // checks.sql ran at build time on the recipe's database; run the checks that need only published
  // tables again on what the browser loads, so an export bug cannot hide behind a passing build.
  it.each(catalog.benchmarks.filter((b) => fs.existsSync(path.join(benchmarkDir(b.id), 'checks.sql'))).map((b) => [b.id, b] as const))(
    '%s: invariants hold on the published tables',
    async (id, b) => {
      const checks = parseChecks(fs.readFileSync(path.join(benchmarkDir(id), 'checks.sql'), 'utf8'));
      const published = new Set(b.tables.map((t) => t.name));
      let ran = 0;
      for (const c of checks) {
        const words = new Set((c.sql.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map((w) => w.toLowerCase()));
        if ([...words].some((w) => w.startsWith('_') || w === 'results' || w === 'claims')) continue; // scratch or special tables
        if (![...words].some((w) => published.has(w))) continue;
        await db.query(`USE ${quoteIdent(b.schema)}`);
        try {
          const r = await db.query(c.sql.trim().replace(/;\s*$/, ''));
          expect(r.rows, `${id}: ${c.name}`).toEqual([]);
          ran++;
        } finally {
          await db.query('USE main');
        }
      }
      expect(ran + checks.length).toBeGreaterThan(0);
    },
  );

  it('PersonaGym: 200 personas × 5 tasks × 10 questions, six models with five tasks and a PersonaScore', async () => {
    const q = await db.query('select count(distinct persona_id) as p, count(distinct task) as t, count(*) as n from personagym.questions');
    expect(q.rows[0]).toEqual({ p: 200, t: 5, n: 10000 });
    const s = await db.query("select count(distinct model) as m, count(*) filter (task = 'PersonaScore') as ps from personagym.scores");
    expect(s.rows[0]).toEqual({ m: 6, ps: 6 });
  });

  it('main.results maps every row to a canonical model and a catalogued benchmark', async () => {
    const unmapped = await db.query('select count(*) as n from main.results where model_id is null');
    expect(unmapped.rows[0].n).toBe(0);
    const perBench = await db.query('select benchmark, count(*) as n from main.results group by 1');
    for (const row of perBench.rows) expect(row.n).toBe(catalog.benchmarks.find((b) => b.id === row.benchmark)?.resultsRows);
  });
});
