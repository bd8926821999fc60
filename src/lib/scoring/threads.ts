// How many threads the scorer worker gives ONNX Runtime. Wasm threads need SharedArrayBuffer,
// which browsers only grant a cross-origin-isolated page; elsewhere the worker runs on one.
// 'auto' leaves one core to the page, so it stays responsive while scoring (with every core busy,
// a 2-core machine showed main-thread tasks over 50 ms); the reviewer may choose up to one per core.
// At most 4: past that ONNX Runtime's wasm thread pool gains little (its own default stops at 4).
export const MAX_SCORER_THREADS = 4;

export type ThreadChoice = 'auto' | number;

/** The most threads the scorer may use on this many cores. */
export function maxScorerThreads(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_SCORER_THREADS, cores || 1));
}

export function scorerThreads(isolated: boolean, cores: number | undefined, choice: ThreadChoice = 'auto'): number {
  if (!isolated) return 1;
  const max = maxScorerThreads(cores);
  const wanted = choice === 'auto' ? (cores || 1) - 1 : Math.round(choice);
  return Math.max(1, Math.min(max, wanted));
}

/** A stored choice read back defensively. */
export function isThreadChoice(value: unknown): value is ThreadChoice {
  return value === 'auto' || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SCORER_THREADS);
}
