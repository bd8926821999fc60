// Main-thread side of the scorer: starts the worker, forwards calls through comlink, passes
// callbacks as comlink proxies, and restarts the worker when it crashes. Imports no transformers.js:
// everything heavy stays in the worker bundle.
import * as Comlink from 'comlink';
import type { CachedCopy, CachedModel } from './model-cache.ts';
import type { BatchSummary } from './scorer.ts';
import type { ColumnMapping } from './input.ts';
import type { RememberedMappings } from './remembered-mappings.ts';
import type { BatchFile, LoadedModelInfo, LoadProgressEvent, ScorerService, ServiceConfig } from './service.ts';
import type { BatchProgress, ModelSpec, RowOutcome, ScoreInput, ScoreOptions, ScoringRole } from './types.ts';

export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

/** The worker died before it ever answered: its code could not be loaded (offline, or a new deploy). */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
}

export interface ScoreHooks {
  onProgress?: (p: BatchProgress) => void;
  onRow?: (outcome: RowOutcome, index: number) => void | Promise<void>;
}

type Remote = Comlink.Remote<ScorerService>;

function defaultWorker(): Worker {
  return new Worker(new URL('../../../workers/scorer.worker.ts', import.meta.url), { type: 'module', name: 'personascope-scorer' });
}

export class ScorerClient {
  private worker: Worker | null = null;
  private remote: Remote | null = null;
  private config: Partial<ServiceConfig> = {};
  private pending = new Set<(e: Error) => void>();
  /** Workers that answered a call: only those count as started, so only their death is a crash. */
  private answered = new WeakSet<Worker>();
  /** Called after a crash, once a fresh worker is up (models must be loaded again). */
  onCrash: ((error: WorkerCrashedError) => void) | null = null;

  constructor(private readonly makeWorker: () => Worker = defaultWorker) {}

  private start(): Remote {
    if (this.remote) return this.remote;
    const worker = this.makeWorker();
    worker.addEventListener('error', (ev) => this.crashed(worker, ev.message || 'the scorer worker stopped'));
    worker.addEventListener('messageerror', () => this.crashed(worker, 'the scorer worker sent an unreadable message'));
    this.worker = worker;
    this.remote = Comlink.wrap<ScorerService>(worker);
    // A restarted worker gets the settings again; its answer shows its code loaded, so that its death
    // while loading models is a crash to recover from, not a failure to start.
    if (Object.keys(this.config).length) {
      const started = () => this.answered.add(worker);
      void this.remote.configure(this.config).then(started, started);
    }
    return this.remote;
  }

  private crashed(worker: Worker, message: string): void {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    this.remote = null;
    // A worker that never answered did not crash, it never started: restarting at once would fail the
    // same way, in a loop. Say so; the next call tries again.
    if (!this.answered.has(worker)) {
      this.rejectPending(new WorkerStartError(`The scorer could not start: its code could not be loaded (${message}). Check the connection, or reload the page if the site was updated.`));
      return;
    }
    const err = new WorkerCrashedError(`${message}; the scorer was restarted, load the models again and resume`);
    this.rejectPending(err);
    this.start();
    this.onCrash?.(err);
  }

  /** Run a call and reject it if the worker dies meanwhile (comlink alone would wait forever). */
  private call<T>(fn: (r: Remote) => Promise<T>): Promise<T> {
    const remote = this.start();
    return new Promise<T>((resolve, reject) => {
      const onCrash = (e: Error) => reject(e);
      this.pending.add(onCrash);
      const worker = this.worker;
      fn(remote).then(
        (v) => {
          if (worker) this.answered.add(worker);
          this.pending.delete(onCrash);
          resolve(v);
        },
        (e) => {
          // An error thrown by the service is an answer too: the worker is up.
          if (worker) this.answered.add(worker);
          this.pending.delete(onCrash);
          reject(e);
        },
      );
    });
  }

  configure(config: Partial<ServiceConfig>): Promise<void> {
    // ONNX Runtime fixes its thread count when its wasm starts: another count needs a fresh worker
    // (loaded models are dropped; they load again from the browser cache).
    const threadsChange = config.wasmThreads !== undefined && config.wasmThreads !== this.config.wasmThreads;
    if (threadsChange && this.worker) this.terminate('the thread count changed');
    this.config = { ...this.config, ...config };
    return this.call((r) => r.configure(config));
  }

  load(specs: Partial<Record<ScoringRole, ModelSpec>>, onProgress?: (p: LoadProgressEvent) => void): Promise<LoadedModelInfo[]> {
    return this.call((r) => r.load(specs, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  score(items: ScoreInput[], options: ScoreOptions, hooks: ScoreHooks = {}): Promise<BatchSummary> {
    return this.call((r) =>
      r.score(items, options, hooks.onProgress ? Comlink.proxy(hooks.onProgress) : undefined, hooks.onRow ? Comlink.proxy(hooks.onRow) : undefined),
    );
  }

  cancel(): Promise<boolean> {
    return this.remote ? this.remote.cancel() : Promise.resolve(false);
  }

  /** Parse and validate a batch file in the worker. */
  readBatchFile(file: Blob, fileName: string, mapping?: ColumnMapping, remembered?: RememberedMappings): Promise<BatchFile> {
    return this.call((r) => r.readBatchFile(file, fileName, mapping, remembered));
  }

  cachedModels(): Promise<CachedModel[]> {
    return this.call((r) => r.cachedModels());
  }

  deleteCachedModel(repo: string, only?: CachedCopy): Promise<number> {
    return this.call((r) => r.deleteCachedModel(repo, only));
  }

  /**
   * Stop the worker: this gives the models' memory back to the system, which freeing the sessions
   * cannot (a WebAssembly memory never shrinks); the next call starts a fresh one. Calls still waiting
   * on it are rejected with `why`, not left hanging.
   */
  terminate(why = 'its memory was given back'): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.rejectPending(new Error(`the scorer worker was stopped before it answered (${why}); try again`));
  }

  private rejectPending(err: Error): void {
    for (const reject of this.pending) reject(err);
    this.pending.clear();
  }
}

let shared: ScorerClient | null = null;
/** The app's one scorer client. */
export function getScorer(): ScorerClient {
  shared ??= new ScorerClient();
  return shared;
}
