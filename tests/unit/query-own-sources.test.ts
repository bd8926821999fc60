// Where a query's rows come from, as the console's and result page's "Data from", the console's
// download and a query chart's source line say it: the visitor's own tables (mine.*, and the is_mine
// rows of main.results_all) are named as theirs with no licence claimed, whatever benchmark id their
// rows carry; a released benchmark is credited only for the released tables the query reads.
import { describe, expect, it } from 'vitest';
import { readSample } from '../../src/lib/charts/builder-data.ts';
import { querySource } from '../../src/lib/charts/builder-source.ts';
import type { ChartRow } from '../../src/lib/charts/spec.ts';
import { sourceLine } from '../../src/lib/charts/spec.ts';
import { runConsoleQuery } from '../../src/lib/console/run-query.ts';
import { queryTableSources, resultSources } from '../../src/lib/console/sources.ts';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { userTablesNamed } from '../../src/lib/export/row-sources.ts';
import { queryTable } from '../../src/lib/explore/query-table.ts';
import { EMPTY_TABLE_STATE } from '../../src/lib/state/url-state.ts';
import { builtCatalog, dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const catalog = builtCatalog();
const GYM = 'model,benchmark,metric,subset,value\nmy-agent,personagym,score,PersonaScore,4.9\nGPT-4o,personagym,score,PersonaScore,1.0\n';

async function own(): Promise<string[]> {
  if (!userData.tables.some((t) => t.qualified === 'mine.gym')) {
    const { info } = await userData.add(new Blob([GYM]), 'gym.csv');
    expect(info.mapping).not.toBeNull(); // its rows join main.results_all under personagym
  }
  return userData.tables.map((t) => t.qualified);
}

/** The console's sources, the result page's, and a query chart's (from all rows, and from a one-row sample). */
async function sourcesOf(sql: string) {
  const known = await own();
  const console = await resultSources(catalog, db, sql, await runConsoleQuery(db, sql), known);
  const table = await queryTable(db, sql);
  const page = await queryTableSources(catalog, db, sql, table, known);
  const rows = (await db.query(sql)).rows as ChartRow[];
  const chart = querySource(catalog, sql, db.tablesFor(sql), rows, known);
  const sample = await readSample(db, table, EMPTY_TABLE_STATE, 1, undefined, true);
  const sampled = querySource(catalog, sql, db.tablesFor(sql), sample.sourceRows, known);
  return { console, page, chart, sampled };
}

const ids = (s: { benchmarks: { id: string }[] }) => s.benchmarks.map((b) => b.id);

describe('sources of a query on the visitor’s own rows', () => {
  it('names mine.gym as theirs and credits no benchmark, though its rows say personagym', async () => {
    const { console, page, chart, sampled } = await sourcesOf('select * from mine.gym');
    for (const s of [console, page]) {
      expect(ids(s)).toEqual([]);
      expect(s.tables).toEqual([]);
      expect(s.mine).toEqual(['mine.gym']);
    }
    for (const source of [chart, sampled]) {
      expect(source).toMatchObject({ benchmark: 'your data (mine.gym)', benchmarkIds: [], license: 'your data, none claimed' });
      expect(sourceLine({ source } as never)).not.toMatch(/PersonaGym|MIT/);
    }
  });

  it('credits PersonaGym for a released table the query joins, and names the upload beside it', async () => {
    const sql = 'select g.model, g.benchmark, s.score from mine.gym g join personagym.scores s on s.model = g.model';
    const { console, chart } = await sourcesOf(sql);
    expect(ids(console)).toEqual(['personagym']);
    expect(console.mine).toEqual(['mine.gym']);
    expect(chart.benchmark).toBe('PersonaGym and your data (mine.gym)');
    expect(chart.benchmarkIds).toEqual(['personagym']);
    expect(chart.license).toMatch(/ for PersonaGym’s rows; none claimed for yours$/);
  });

  it('reads main.results_all’s is_mine rows as the upload they name', async () => {
    const mineOnly = await sourcesOf("select * from main.results_all where is_mine and benchmark = 'personagym'");
    for (const s of [mineOnly.console, mineOnly.page]) {
      expect(ids(s)).toEqual([]);
      expect(s.mine).toEqual(['mine.gym']);
    }
    expect(mineOnly.chart).toMatchObject({ benchmark: 'your data (mine.gym)', benchmarkIds: [] });
    expect(mineOnly.sampled).toMatchObject({ benchmark: 'your data (mine.gym)', benchmarkIds: [] });

    const mixed = await sourcesOf("select * from main.results_all where benchmark = 'personagym'");
    expect(ids(mixed.console)).toEqual(['personagym']);
    expect(mixed.console.mine).toEqual(['mine.gym']);
    expect(mixed.sampled.benchmark).toBe('PersonaGym and your data (mine.gym)');

    const released = await sourcesOf("select * from main.results_all where not is_mine and benchmark = 'personagym'");
    expect(ids(released.console)).toEqual(['personagym']);
    expect(released.console.mine).toEqual([]);
    expect(released.sampled).toMatchObject({ benchmark: 'PersonaGym', benchmarkIds: ['personagym'] });
  });

  it('finds the visitor’s tables a script names after USE mine', () => {
    const known = ['mine.gym', 'mine.other'];
    expect(userTablesNamed('USE mine; select * from gym', known)).toEqual(['mine.gym']);
    expect(userTablesNamed('select gym from personagym.scores', known)).toEqual([]);
  });
});
