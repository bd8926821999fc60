// A call into a worker (through comlink) that fails when the worker reports an error first: comlink
// alone would wait forever for a worker that died or never loaded (offline, a new deploy).
export function unlessWorkerDies<T>(worker: Worker, call: Promise<T>, failure: (message: string | undefined) => Error): Promise<T> {
  const settled = new AbortController();
  const died = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (ev) => reject(failure(ev.message || undefined)), { once: true, signal: settled.signal }),
  );
  return Promise.race([call, died]).finally(() => settled.abort());
}
