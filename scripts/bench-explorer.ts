// Part of `npm run bench`: time from input to painted result in the table browser, headless Chromium on
// the production build (dist/, or $SITE_DIR). On papi.answers (90,000 rows, the largest released table): a
// facet toggle, a sort and a search; and a search on synthetic_persona_chat.utterances (the largest table
// with text columns). Writes bench-results/explorer.json (p50, p95, max). Not a test: it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import { measureInteraction, openTableBrowser, percentiles, type InteractionPlan, type Percentiles } from './bench-interactions.ts';
import { openBenchSite } from './bench-site.ts';

const RUNS = Number(process.env.BENCH_EXPLORER_RUNS ?? 40);
const WARMUP = 3;
const TIMEOUT = 120_000;

async function main(): Promise<void> {
  const site = await openBenchSite();
  const results: Record<string, { table: string; rows: number } & Percentiles> = {};
  try {
    const page = await site.newPage();
    const record = async (name: string, table: string, rows: number, plan: InteractionPlan) => {
      const samples = await measureInteraction(page, plan, { runs: RUNS, warmup: WARMUP, timeoutMs: TIMEOUT });
      const p = percentiles(samples.map((s) => s.ms));
      results[name] = { table, rows, ...p };
      console.log(`${name.padEnd(28)} ${table.padEnd(36)} p50 ${p.p50.toFixed(1)} ms   p95 ${p.p95.toFixed(1)} ms`);
    };
    const papiRows = await openTableBrowser(page, `${site.url}#/b/papi/answers`, TIMEOUT);
    await record('facet toggle', 'papi.answers', papiRows, { kind: 'facet', column: 'answer' });
    await record('sort', 'papi.answers', papiRows, { kind: 'sort', column: 'item_no' });
    await record('search (numbers as text)', 'papi.answers', papiRows, { kind: 'search', words: ['12', '7', '123', '', '45', '3'] });

    const utteranceRows = await openTableBrowser(page, `${site.url}#/b/synthetic-persona-chat/utterances`, TIMEOUT);
    await record('search (text)', 'synthetic_persona_chat.utterances', utteranceRows, { kind: 'search', words: ['hik', 'hiking', 'dog', '', 'music', 'pizza'] });
    console.log(`(1-minute load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  } finally {
    await site.close();
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(
    'bench-results/explorer.json',
    JSON.stringify(
      {
        machine: `${process.platform} ${process.arch}, ${os.cpus().length} cores, node ${process.version}, headless chromium, localhost`,
        // Other work on the machine inflates p95 most: the 1-minute load average when the run ended says how busy it was.
        loadAverage: os.loadavg()[0],
        target: 'p95 < 100 ms',
        results,
      },
      null,
      2,
    ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
