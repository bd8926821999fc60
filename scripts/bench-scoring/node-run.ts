// One Node measurement, run in a child process of its own so its peak memory is its alone:
//   tsx scripts/bench-scoring/node-run.ts <shape> <scorer> <threads|default>
// Loads the scorer's bench models with ScorerService from the local folder (onnxruntime-node),
// scores the warm-up items, then times the batch (and, for some scorers, a batch where texts recur).
// Prints one JSON Measurement on stdout.
import { ScorerService } from '../../src/lib/scoring/service.ts';
import type { ScorerName } from '../../src/lib/scoring/types.ts';
import { rowsPerSecond, type Measurement } from './measurement.ts';
import { currentRss, peakRss, resetPeakRss } from './memory.ts';
import { BENCH_MODELS_DIR, RECURRING_ITEMS, RECURRING_SCORERS, SHAPES, WARMUP_ITEMS, benchItems, recurringItems, specsFor } from './workload.ts';

async function main(): Promise<void> {
  const [shapeName, scorerArg, threadsArg] = process.argv.slice(2);
  const shape = SHAPES.find((s) => s.name === shapeName);
  const scorer = scorerArg as ScorerName;
  const count = shape?.scorers[scorer];
  if (!shape || !count || !threadsArg) throw new Error(`usage: node-run.ts <shape> <scorer> <threads|default>; got ${process.argv.slice(2).join(' ')}`);
  const threads = threadsArg === 'default' ? undefined : Number(threadsArg);

  const baselineBytes = currentRss();
  const reset = resetPeakRss();
  const service = new ScorerService({
    source: { kind: 'local', path: BENCH_MODELS_DIR },
    browserCache: false,
    fsCacheDir: null,
    ...(threads !== undefined ? { intraOpThreads: threads } : {}),
  });
  const t0 = performance.now();
  await service.load(specsFor(shape, scorer));
  const loadMs = performance.now() - t0;

  const items = benchItems(WARMUP_ITEMS + count);
  await service.score(items.slice(0, WARMUP_ITEMS), { scorers: [scorer] });
  const summary = await service.score(items.slice(WARMUP_ITEMS), { scorers: [scorer] });
  const recurring = RECURRING_SCORERS.includes(scorer) ? await service.score(recurringItems(RECURRING_ITEMS), { scorers: [scorer] }) : null;
  await service.free();

  const m: Measurement = {
    shape: shape.name,
    scorer,
    runtime: `node, onnxruntime-node, ${threads === undefined ? 'default threads (intraOpNumThreads 0: one per core)' : `${threads} thread${threads === 1 ? '' : 's'}`}`,
    loadMs,
    items: summary.done + summary.failed,
    itemsPerSecond: rowsPerSecond(summary),
    peakBytes: peakRss(),
    baselineBytes,
    memoryNote: `VmHWM of the node process${reset ? ' (reset before loading)' : ''}: includes Node, transformers.js and onnxruntime-node`,
    failedRows: summary.failed + (recurring?.failed ?? 0),
    ...(recurring ? { recurringItemsPerSecond: rowsPerSecond(recurring) } : {}),
  };
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
