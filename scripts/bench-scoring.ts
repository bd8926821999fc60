// `npm run bench` (last step): throughput of each scorer in the browser's scorer worker versus the
// same models in Node (onnxruntime-node), on real-sized random-weight models (MiniLM-L6 and
// BERT-base shapes, generated on demand by scripts/make-fixture-models.py --bench, never committed).
// Also model load time (browser: from the Cache API; Node: from the local folder) and peak memory.
// The browser is measured twice: on a host without isolation headers (one thread, like GitHub Pages
// without the helper) and on a cross-origin-isolated page (several threads, like a host that sends
// public/_headers, or GitHub Pages with the helper). Target: the browser worker at >= 50% of native.
// APC and fit are also timed on a batch where persona and questions recur, as when several models'
// answers to one persona's questions are scored together (recurring texts run once). Writes bench-results/scoring.json and
// prints a table. SITE_DIR picks the site build (default dist/); BENCH_SCORING_SCALE scales the
// item counts. Not a test: it asserts nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveHub } from './hub-server.ts';
import { serveStatic } from './static-server.ts';
import { runBrowserShape, type BrowserShapeRun } from './bench-scoring/browser-run.ts';
import { kernelCheck, type KernelCheck } from './bench-scoring/kernel-check.ts';
import { maxScorerThreads } from '../src/lib/scoring/threads.ts';
import type { Measurement } from './bench-scoring/measurement.ts';
import { BENCH_MODELS_DIR, RECURRING_ITEMS, RECURRING_SHAPE, SHAPES, WARMUP_ITEMS, benchModelsPresent, benchRepos, tokensPerItem, TEXT_SHAPE } from './bench-scoring/workload.ts';
import type { ScorerName } from '../src/lib/scoring/types.ts';

const TARGET_RATIO = 0.5;
const NODE_THREADS = ['default', '1'] as const;
// What public/_headers sends (tests/unit/isolation.test.ts keeps the copies in step).
const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

function ensureBenchModels(): { generatedSeconds: number | null } {
  if (benchModelsPresent()) return { generatedSeconds: null };
  console.log(`generating the bench models into ${path.relative(process.cwd(), BENCH_MODELS_DIR)} (random weights, ~1.4 GB, about a minute)…`);
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/python3', ['scripts/make-fixture-models.py', '--bench'], { stdio: 'inherit' });
  if (r.status !== 0 || !benchModelsPresent()) {
    throw new Error('scripts/make-fixture-models.py --bench failed (it needs python3-torch, python3-onnx and python3-numpy from apt)');
  }
  return { generatedSeconds: (Date.now() - t0) / 1000 };
}

/** One Node measurement in a child process of its own (its peak memory is its alone). */
function nodeMeasurement(shape: string, scorer: ScorerName, threads: string): Measurement {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-scoring/node-run.ts', shape, scorer, threads], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node measurement ${shape}/${scorer}/${threads} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measurement;
}

const mb = (b: number | null) => (b === null ? '–' : `${Math.round(b / 1048576)}`);
const fixed = (x: number, d = 1) => x.toFixed(d);

type BrowserMeasurement = Measurement & { modelRequestsDuringLoad: number };

interface Row {
  shape: string;
  scorer: ScorerName;
  items: number;
  /** Page not cross-origin isolated: the worker runs on one thread. */
  browser: BrowserMeasurement;
  /** Page cross-origin isolated: the worker runs on `isolatedThreads` threads. */
  browserIsolated: BrowserMeasurement;
  nodeDefault: Measurement;
  nodeSingle: Measurement;
  /** one-thread browser items/s ÷ Node items/s with onnxruntime-node's default threads. */
  ratioVsNodeDefault: number;
  /** one-thread browser items/s ÷ Node items/s on one thread. */
  ratioVsNodeSingle: number;
  /** isolated browser items/s ÷ Node items/s with its default threads (the same number of cores). */
  ratioIsolatedVsNodeDefault: number;
  /** The isolated page (the fastest the site offers) at or above the target. */
  meetsTarget: boolean;
}

function printTable(rows: Row[]): void {
  const head = ['shape', 'scorer', 'items', 'browser 1t/s', 'browser iso/s', 'node/s', 'node 1t/s', 'ratio iso', 'ratio 1t÷node', 'ratio 1t÷1t', 'load browser ms', 'load node ms', 'peak browser MiB', 'peak node MiB'];
  const body = rows.map((r) => [
    r.shape,
    r.scorer,
    String(r.items),
    fixed(r.browser.itemsPerSecond, 2),
    fixed(r.browserIsolated.itemsPerSecond, 2),
    fixed(r.nodeDefault.itemsPerSecond, 2),
    fixed(r.nodeSingle.itemsPerSecond, 2),
    `${fixed(r.ratioIsolatedVsNodeDefault, 2)}${r.meetsTarget ? '' : ' ✗'}`,
    fixed(r.ratioVsNodeDefault, 2),
    fixed(r.ratioVsNodeSingle, 2),
    fixed(r.browserIsolated.loadMs, 0),
    fixed(r.nodeSingle.loadMs, 0),
    mb(r.browserIsolated.peakBytes),
    mb(r.nodeSingle.peakBytes),
  ]);
  printColumns(head, body);
}

/** An aligned table: the first two columns (shape, scorer) to the left, the figures to the right. */
function printColumns(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log([line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n'));
}

function printRecurringTable(rows: Row[]): void {
  const cell = (m: Measurement) => (m.recurringItemsPerSecond === undefined ? '–' : `${fixed(m.recurringItemsPerSecond, 2)} (${fixed(m.recurringItemsPerSecond / m.itemsPerSecond, 1)}×)`);
  const body = rows.filter((r) => r.browser.recurringItemsPerSecond !== undefined).map((r) => [r.shape, r.scorer, cell(r.browser), cell(r.browserIsolated), cell(r.nodeDefault), cell(r.nodeSingle)]);
  printColumns(['shape', 'scorer', 'browser 1t/s', 'browser iso/s', 'node/s', 'node 1t/s'], body);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const generated = ensureBenchModels();
  const siteDir = path.resolve(process.env.SITE_DIR ?? 'dist');
  if (!fs.existsSync(path.join(siteDir, 'bench-scorer.html'))) throw new Error(`no bench-scorer.html in ${siteDir}: build the site first (npm run build, or vite build --outDir and SITE_DIR)`);

  // Node first, one child process per measurement, while no browser competes for the cores.
  const node: Record<string, Measurement> = {};
  for (const shape of SHAPES) {
    for (const scorer of Object.keys(shape.scorers) as ScorerName[]) {
      for (const threads of NODE_THREADS) {
        const m = nodeMeasurement(shape.name, scorer, threads);
        node[`${shape.name}/${scorer}/${threads}`] = m;
        console.log(`node    ${shape.name} ${scorer} threads=${threads}: ${fixed(m.itemsPerSecond, 2)} items/s, load ${fixed(m.loadMs, 0)} ms, peak ${mb(m.peakBytes)} MiB`);
      }
    }
  }

  // Diagnosis of the gap: ONNX Runtime's wasm kernels vs its native ones, raw sessions, one thread.
  const kernels: KernelCheck[] = [];
  for (const shape of SHAPES) {
    const k = await kernelCheck(shape, shape.models.toxicity ? 'toxicity' : 'nli');
    kernels.push(k);
    console.log(`kernels ${shape.name}: one ${k.sequenceTokens}-token run, native ${fixed(k.nativeMsPerRun, 0)} ms, wasm in Node ${fixed(k.wasmMsPerRun, 0)} ms (wasm at ${fixed(k.wasmVsNative, 2)} of native)`);
  }

  const hub = await serveHub(benchRepos());
  const plainSite = await serveStatic(siteDir);
  const isolatedSite = await serveStatic(siteDir, { headers: ISOLATION_HEADERS });
  const browser: BrowserShapeRun[] = [];
  const isolated: BrowserShapeRun[] = [];
  try {
    for (const shape of SHAPES) {
      for (const [label, site, runs] of [['1 thread', plainSite, browser], ['isolated', isolatedSite, isolated]] as const) {
        const run = await runBrowserShape(site.url, hub, shape);
        runs.push(run);
        console.log(`browser ${label} ${shape.name}: first load (download into the Cache API) ${fixed(run.downloadLoadMs, 0)} ms`);
        for (const m of run.measurements) {
          console.log(`browser ${label} ${shape.name} ${m.scorer}: ${fixed(m.itemsPerSecond, 2)} items/s, load from cache ${fixed(m.loadMs, 0)} ms (${m.modelRequestsDuringLoad} requests to the model server), peak ${mb(m.peakBytes)} MiB`);
        }
      }
    }
  } finally {
    await plainSite.close();
    await isolatedSite.close();
    await hub.close();
  }
  if (browser.some((b) => b.crossOriginIsolated) || !isolated.every((b) => b.crossOriginIsolated)) {
    throw new Error('the plain site came out cross-origin isolated, or the one with the headers did not');
  }
  const isolatedThreads = maxScorerThreads(isolated[0]?.hardwareConcurrency);

  const rows: Row[] = browser.flatMap((run, i) =>
    run.measurements.map((b) => {
      const iso = isolated[i].measurements.find((m) => m.scorer === b.scorer)!;
      const nodeDefault = node[`${b.shape}/${b.scorer}/default`];
      const nodeSingle = node[`${b.shape}/${b.scorer}/1`];
      const ratioIsolatedVsNodeDefault = iso.itemsPerSecond / nodeDefault.itemsPerSecond;
      return {
        shape: b.shape,
        scorer: b.scorer,
        items: b.items,
        browser: b,
        browserIsolated: iso,
        nodeDefault,
        nodeSingle,
        ratioVsNodeDefault: b.itemsPerSecond / nodeDefault.itemsPerSecond,
        ratioVsNodeSingle: b.itemsPerSecond / nodeSingle.itemsPerSecond,
        ratioIsolatedVsNodeDefault,
        meetsTarget: ratioIsolatedVsNodeDefault >= TARGET_RATIO,
      };
    }),
  );

  const summary = {
    what: 'Scorer throughput: browser scorer worker vs the same models in Node; random-weight bench models, dtype q8',
    machine: `${process.platform} ${process.arch}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end, node ${process.version}, headless chromium`,
    targetRatio: TARGET_RATIO,
    threads:
      `The browser is measured on a page without isolation headers (the worker runs single-threaded wasm) and on a cross-origin-isolated page (COOP/COEP, as public/_headers or the isolation helper give; the worker then runs on ${isolatedThreads} threads, one per core up to 4: the Score page's largest choice; its automatic choice leaves one core to the page). ` +
      "Node is measured with onnxruntime-node's default threads (intraOpNumThreads 0: one per core) and on one thread. `ratio iso` (the target's) compares the isolated page with Node's default; `ratio 1t÷node` the one-thread page with Node's default; `ratio 1t÷1t` both on one thread.",
    isolatedThreads,
    memory:
      "Peak resident memory (Linux VmHWM, reset before each measurement): the Node child process, and the page's renderer process, which holds the page, the scorer worker and ONNX Runtime's wasm heap.",
    load: 'Browser (isolated page in the table): a fresh worker loading the scorer\'s models from the Cache API (filled by a first load from the local hub-layout server), wasm start included. Node: loading from the local folder.',
    shapes: SHAPES.map((s) => ({ name: s.name, description: s.description, models: s.models })),
    batch: { warmupItems: WARMUP_ITEMS, text: TEXT_SHAPE, tokensPerSequence: tokensPerItem() },
    recurringBatch: { items: RECURRING_ITEMS, ...RECURRING_SHAPE, what: 'recurringItemsPerSecond: the same scorer on a batch where persona, statements and questions recur and every response is new' },
    modelsGeneratedSeconds: generated.generatedSeconds,
    browserDownloadLoadMs: Object.fromEntries(browser.map((b) => [b.shape, b.downloadLoadMs])),
    benchSeconds: (Date.now() - t0) / 1000,
    rows,
    kernelCheck: {
      what: 'Raw ONNX Runtime sessions in Node on one thread, same q8 file and input: onnxruntime-node (native kernels) vs onnxruntime-web wasm (plain SIMD build). Shows how much of the browser gap is the wasm kernels themselves.',
      results: kernels,
    },
  };
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/scoring.json', JSON.stringify(summary, null, 2));
  console.log(`\nscorer throughput, items/s (browser worker: 1 thread, or ${isolatedThreads} on the isolated page; target: isolated page >= ${TARGET_RATIO} of Node's default threads)`);
  printTable(rows);
  console.log(
    `\nitems/s on a batch where texts recur (${RECURRING_SHAPE.questionsPerPersona} questions per persona, ${RECURRING_SHAPE.modelsPerQuestion} models answering each: inputs seen before are not run again) vs the batch above`,
  );
  printRecurringTable(rows);
  console.log(`\nONNX Runtime wasm kernels vs native, one thread: ${kernels.map((k) => `${k.shape} ${fixed(k.wasmVsNative, 2)}`).join(', ')} (compare with 'ratio 1t')`);
  console.log(`\nwritten to bench-results/scoring.json (${fixed(summary.benchSeconds, 0)} s)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
