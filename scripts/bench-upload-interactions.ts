// Part of `npm run bench`: the table browser on a large upload. Generates the results CSV of
// BENCH_UPLOAD_ROWS rows (default 1,000,000), uploads it on #/mine in headless Chromium, opens it in the
// table browser (#/mine/<name>) and times facet toggles, sorts and searches from input to painted result.
// Then it reads the same CSV into native DuckDB (@duckdb/node-api) with the upload's read_csv statement
// and runs, for every timed input, the statement the browser ran for it (firstPageQuery of the state the
// page painted, built by the same library code) to give the browser/native ratio.
// Browser times include DuckDB-WASM, the worker round trip, the Svelte update and one painted frame;
// native times are the query and reading its rows into JS only.
// Writes bench-results/upload-interactions.json. Not a test: it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PAGE_ROWS } from '../src/lib/explore/table-service.ts';
import { firstPageQuery, type Sql } from '../src/lib/explore/table-query.ts';
import { parseTableState } from '../src/lib/state/url-state.ts';
import { measureInteraction, openTableBrowser, percentiles, type InteractionPlan, type InteractionSample, type Percentiles } from './bench-interactions.ts';
import { loadCsvNatively, timeStatement, type NativeTable } from './bench-native-duckdb.ts';
import { deleteOnMine, UPLOAD_ROWS, uploadOnMine, writeResultsCsv } from './bench-upload-data.ts';
import { openBenchSite } from './bench-site.ts';

const RUNS = Number(process.env.BENCH_INTERACTION_RUNS ?? 20);
const WARMUP = 3;
/** Native statements are cheap: the browser's sequence is timed this many times over for steadier percentiles. */
const NATIVE_PASSES = 5;
const TIMEOUT = 600_000;

/** The inputs timed on the upload (columns of writeResultsCsv: benchmark has 4 values, value is a number). */
const PLANS: Record<string, InteractionPlan> = {
  'facet toggle': { kind: 'facet', column: 'benchmark' },
  sort: { kind: 'sort', column: 'value' },
  search: { kind: 'search', words: ['my-model-7', 'metric_1', 'bench', '', 'subset_42', 'spp'] },
};

interface BrowserRun {
  qualified: string;
  rowsShown: number;
  uploadMs: number;
  columnTypes: string[];
  samples: Record<string, InteractionSample[]>;
  version: string;
}

/** Upload, then every plan in the table browser. */
async function runBrowser(csv: string): Promise<BrowserRun> {
  const site = await openBenchSite();
  try {
    const page = await site.newPage();
    await page.goto(`${site.url}#/mine`);
    await page.waitForSelector('[data-db-state="ready"]', { timeout: TIMEOUT });
    const upload = await uploadOnMine(page, csv, TIMEOUT);
    if (!upload.qualified) throw new Error(`upload failed: ${upload.message}`);
    const qualified = upload.qualified;
    const name = qualified.slice(qualified.indexOf('.') + 1);

    // The column types DuckDB-WASM gave the upload, to set beside native DuckDB's.
    const box = page.locator('[data-sql-box]');
    await box
      .locator('textarea')
      .fill(`select column_name, data_type from duckdb_columns() where schema_name = 'mine' and table_name = '${name}' order by column_index`);
    await box.getByRole('button', { name: 'Run', exact: true }).click();
    await box.locator('[data-sql-result]').waitFor({ timeout: TIMEOUT });
    const columnTypes = (await box.locator('[data-sql-result] tbody').innerText()).split('\n').filter(Boolean).map((line) => line.split('\t').join(' '));

    const tableUrl = `${site.url}#/mine/${encodeURIComponent(name)}`;
    let rowsShown = 0;
    const samples: Record<string, InteractionSample[]> = {};
    for (const [label, plan] of Object.entries(PLANS)) {
      // Each plan starts from the whole table (a facet left on by the previous plan is cleared).
      rowsShown = await openTableBrowser(page, tableUrl, TIMEOUT);
      samples[label] = await measureInteraction(page, plan, { runs: RUNS, warmup: WARMUP, timeoutMs: TIMEOUT });
      const p = percentiles(samples[label].map((s) => s.ms));
      console.log(`browser ${label.padEnd(14)} p50 ${p.p50.toFixed(1)} ms   p95 ${p.p95.toFixed(1)} ms`);
    }

    await page.goto(`${site.url}#/mine`);
    await deleteOnMine(page, qualified, TIMEOUT);
    await page.context().close();
    return { qualified, rowsShown, uploadMs: upload.ms, columnTypes, samples, version: site.browser.version() };
  } finally {
    await site.close();
  }
}

interface NativeRun {
  ms: number[];
  /** Inputs whose native count differs from the count the page showed. */
  totalMismatches: number;
  /** The distinct statements, in the order first run. */
  statements: Sql[];
}

/** The statements the browser ran for `samples`: once untimed (warm caches, counts compared), then timed NATIVE_PASSES times. */
async function runNative(native: NativeTable, samples: InteractionSample[]): Promise<NativeRun> {
  const statements = samples.map((s) => firstPageQuery(native.table, parseTableState(new URLSearchParams(s.readyKey)), PAGE_ROWS));
  let totalMismatches = 0;
  for (const [i, q] of statements.entries()) {
    const { rows } = await timeStatement(native.connection, q);
    if (Number(rows[0]?.__total ?? 0) !== samples[i].total) totalMismatches++;
  }
  const ms: number[] = [];
  for (let pass = 0; pass < NATIVE_PASSES; pass++) for (const q of statements) ms.push((await timeStatement(native.connection, q)).ms);
  const distinct = new Map(statements.map((q) => [JSON.stringify(q), q]));
  return { ms, totalMismatches, statements: [...distinct.values()] };
}

const ratio = (browser: number, native: number) => Math.round((browser / native) * 10) / 10;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-upload-interactions-'));
  try {
    const csv = path.join(dir, 'bench_results.csv');
    const bytes = writeResultsCsv(csv, UPLOAD_ROWS);
    console.log(`generated ${UPLOAD_ROWS.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB`);

    const run = await runBrowser(csv);
    const native = await loadCsvNatively(csv, run.qualified.slice(run.qualified.indexOf('.') + 1));
    const interactions: Record<string, unknown> = {};
    const lines: string[] = [];
    try {
      for (const [label, plan] of Object.entries(PLANS)) {
        const samples = run.samples[label];
        const browser: Percentiles = percentiles(samples.map((s) => s.ms));
        const nativeRun = await runNative(native, samples);
        const nat: Percentiles = percentiles(nativeRun.ms);
        interactions[label] = {
          plan,
          browser,
          native: nat,
          ratioP50: ratio(browser.p50, nat.p50),
          ratioP95: ratio(browser.p95, nat.p95),
          totalMismatches: nativeRun.totalMismatches,
          statements: nativeRun.statements,
        };
        lines.push(
          [label.padEnd(14), ...[browser.p50, browser.p95, nat.p50, nat.p95].map((x) => x.toFixed(1).padStart(11)), `${ratio(browser.p50, nat.p50)}×`.padStart(11), `${ratio(browser.p95, nat.p95)}×`.padStart(11)].join(' '),
        );
        if (nativeRun.totalMismatches) console.warn(`${label}: ${nativeRun.totalMismatches} inputs where native DuckDB counted other rows than the page showed`);
      }
    } finally {
      native.close();
    }
    const typesAgree = run.columnTypes.join() === native.columnTypes.join();
    if (!typesAgree) console.warn(`column types differ: browser ${run.columnTypes.join(', ')}; native ${native.columnTypes.join(', ')}`);

    const result = {
      rows: UPLOAD_ROWS,
      rowsShown: run.rowsShown,
      fileBytes: bytes,
      table: run.qualified,
      uploadMs: run.uploadMs,
      nativeLoadMs: Math.round(native.loadMs),
      columnTypes: { browser: run.columnTypes, native: native.columnTypes },
      measures: {
        browser: 'input → the grid shows the new state’s rows and a frame is painted (DuckDB-WASM query, worker round trip, Svelte update, paint)',
        native: `the same statements with the same parameters on native DuckDB, the browser's sequence ${NATIVE_PASSES} times over: query and reading its rows into JS only`,
      },
      interactions,
      browser: `headless chromium ${run.version}`,
      native: `${native.version} via @duckdb/node-api, ${native.threads} threads`,
      machine: `${process.platform} ${process.arch}, ${os.cpus().length} cores, node ${process.version}`,
      // Other work on the machine inflates p95 most: the 1-minute load average when the run ended says how busy it was.
      loadAverage: os.loadavg()[0],
      measuredAt: new Date().toISOString(),
    };
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync('bench-results/upload-interactions.json', `${JSON.stringify(result, null, 2)}\n`);

    console.log(`\ntable browser on ${run.qualified} (${run.rowsShown.toLocaleString('en-US')} rows), ${RUNS} inputs each (native: ${NATIVE_PASSES} passes over them), ms:`);
    console.log(['interaction'.padEnd(14), ...['browser p50', 'p95', 'native p50', 'p95', 'ratio p50', 'ratio p95'].map((h) => h.padStart(11))].join(' '));
    for (const line of lines) console.log(line);
    console.log('browser = input to painted result in headless chromium; native = the same SQL on @duckdb/node-api, query only');
    console.log(`(${native.version}, ${native.threads} threads; column types ${typesAgree ? 'agree' : 'DIFFER'}; 1-minute load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
