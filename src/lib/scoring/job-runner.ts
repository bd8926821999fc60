// Runs one saved job to its end: loads the models, scores the rows that have no outcome yet, saves
// each outcome as it arrives, and survives a crashed worker by restarting from the first unsaved
// row. A row that crashes the worker twice is recorded as failed so the batch can move on; a crash
// while the models load is no row's fault, and two of them end the run with a message.
// A run holds the job's lock (job-lock.ts), so another tab cannot run it at the same time; a job
// deleted meanwhile (by a tab without locks) stops the run and is not written back.
// The view watches `status`; nothing here knows about Svelte or the DOM.
import { browserJobLocks, JobRunningElsewhereError, type JobLocks } from './job-lock.ts';
import type { JobStore, ScoringJob } from './job-store.ts';
import { rowName } from './row-name.ts';
import type { BatchSummary } from './scorer.ts';
import type { LoadedModelInfo, LoadProgressEvent } from './service.ts';
import type { BatchProgress, ModelSpec, RowOutcome, ScoreInput, ScoreOptions, ScoringRole } from './types.ts';

/** What the runner needs of a scorer: the worker client in the browser, an adapter in tests. */
export interface JobScorer {
  load(specs: Partial<Record<ScoringRole, ModelSpec>>, onProgress?: (p: LoadProgressEvent) => void): Promise<LoadedModelInfo[]>;
  score(
    items: ScoreInput[],
    options: ScoreOptions,
    hooks: { onProgress?: (p: BatchProgress) => void; onRow?: (outcome: RowOutcome, index: number) => void | Promise<void> },
  ): Promise<BatchSummary>;
  cancel(): Promise<boolean>;
}

/** deleted: the job was deleted (in another tab) while it ran; nothing more is saved. */
export type RunPhase = 'idle' | 'loading' | 'scoring' | 'finished' | 'cancelled' | 'failed' | 'deleted';

export interface RunStatus {
  phase: RunPhase;
  jobId: string | null;
  /** Model download progress while loading. */
  load: LoadProgressEvent | null;
  /** Rows of the whole job (earlier sessions included). */
  done: number;
  failed: number;
  total: number;
  itemsPerSecond: number | null;
  etaMs: number | null;
  /** Why the run failed (phase 'failed'). */
  error: string | null;
  /** Things the user must be told even though the run went on (worker restarts). */
  notices: string[];
}

const IDLE: RunStatus = { phase: 'idle', jobId: null, load: null, done: 0, failed: 0, total: 0, itemsPerSecond: null, etaMs: null, error: null, notices: [] };

/** Errors that mean the worker died (the client restarts it): the run resumes instead of failing. */
export type CrashTest = (e: unknown) => boolean;

export class JobRunner {
  status: RunStatus = { ...IDLE };
  private listeners = new Set<(s: RunStatus) => void>();
  private rowListeners = new Set<(jobId: string, index: number, outcome: RowOutcome) => void>();
  private cancelled = false;

  constructor(
    private readonly scorer: JobScorer,
    private readonly store: JobStore,
    private readonly isCrash: CrashTest,
    private readonly maxCrashesPerRow = 2,
    private readonly locks: JobLocks = browserJobLocks(),
  ) {}

  onStatus(cb: (s: RunStatus) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Called once per saved row (after it is in the store). */
  onRow(cb: (jobId: string, index: number, outcome: RowOutcome) => void): () => void {
    this.rowListeners.add(cb);
    return () => this.rowListeners.delete(cb);
  }

  /** From run() until its lock is held and the run has begun (or failed to). */
  private starting = false;

  get running(): boolean {
    return this.status.phase === 'loading' || this.status.phase === 'scoring';
  }

  private set(patch: Partial<RunStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const cb of this.listeners) cb(this.status);
  }

  /** Stop after the row being scored; its outcome is kept, the job stays resumable. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelled = true;
    await this.scorer.cancel().catch(() => false);
  }

  /**
   * Score every row of `job` that has no saved outcome. Resolves when the job stops, for any reason;
   * throws JobRunningElsewhereError when another tab is scoring it.
   */
  async run(job: ScoringJob, specs: Partial<Record<ScoringRole, ModelSpec>>): Promise<RunStatus> {
    if (this.running || this.starting) throw new Error('a batch is already running; cancel it first');
    // Set before the first await: a second run() meanwhile (a double click) would find this tab's own
    // lock and be told another tab is scoring the batch.
    this.starting = true;
    try {
      const ran = await this.locks.hold(job.id, () => this.runHeld(job, specs));
      if (ran === null) throw new JobRunningElsewhereError(job.label);
      return ran;
    } finally {
      this.starting = false;
    }
  }

  private async runHeld(job: ScoringJob, specs: Partial<Record<ScoringRole, ModelSpec>>): Promise<RunStatus> {
    this.cancelled = false;
    let deleted = false;
    const saved = await this.store.outcomes(job.id);
    // Kept up to date as rows are saved, not recounted on every progress event (batches of thousands).
    let failed = [...saved.values()].filter((o) => !o.ok).length;
    const count = () => ({ done: saved.size - failed, failed });
    this.set({ ...IDLE, phase: 'loading', jobId: job.id, total: job.inputs.length, ...count() });
    await this.store.putJob({ ...job, state: 'running', updatedAt: new Date().toISOString() });
    const crashes = new Map<number, number>();
    let loadCrashes = 0;
    const save = async (index: number, outcome: RowOutcome) => {
      if (deleted) return;
      if (!(await this.store.putOutcome(job.id, index, outcome))) {
        deleted = true;
        this.cancelled = true;
        await this.scorer.cancel().catch(() => false);
        return;
      }
      if (!outcome.ok) failed++; // a row is saved once: only unsaved rows are scored
      saved.set(index, outcome);
      for (const cb of this.rowListeners) cb(job.id, index, outcome);
    };

    for (;;) {
      const pending = job.inputs.map((_, i) => i).filter((i) => !saved.has(i));
      if (pending.length === 0) return this.finish(job, 'finished');
      if (this.cancelled) return this.finish(job, 'cancelled');
      let loading = true;
      try {
        this.set({ phase: 'loading', load: null });
        await this.scorer.load(specs, (p) => this.set({ load: p }));
        if (this.cancelled) return this.finish(job, 'cancelled');
        loading = false;
        this.set({ phase: 'scoring', load: null });
        const summary = await this.scorer.score(
          pending.map((i) => job.inputs[i]),
          job.options,
          {
            onProgress: (p) => this.set({ ...count(), itemsPerSecond: p.itemsPerSecond, etaMs: p.etaMs }),
            onRow: (outcome, k) => save(pending[k], outcome),
          },
        );
        if (summary.cancelled) return this.finish(job, 'cancelled');
      } catch (e) {
        // A cancel during the load ends the model downloads, which fail the load: that is the cancel.
        if (this.cancelled && loading) return this.finish(job, 'cancelled');
        if (!this.isCrash(e)) return this.fail(job, e);
        if (loading) {
          loadCrashes++;
          const why = e instanceof Error ? e.message : String(e);
          if (loadCrashes >= this.maxCrashesPerRow) {
            return this.fail(
              job,
              new Error(
                `The scorer worker crashed ${loadCrashes} times while loading the models (${why}). A browser short of memory does this: close other tabs or choose a lighter NLI model under Models and settings, then resume; the rows already scored (${saved.size}) are kept.`,
              ),
            );
          }
          this.set({ notices: [...this.status.notices, 'The scorer worker crashed while loading the models and was restarted; loading them again.'] });
          continue;
        }
        const row = job.inputs.map((_, i) => i).find((i) => !saved.has(i));
        if (row === undefined) continue;
        const n = (crashes.get(row) ?? 0) + 1;
        crashes.set(row, n);
        const where = rowName(job.inputs[row]);
        if (n >= this.maxCrashesPerRow) {
          const message = `${where}: the scorer worker crashed ${n} times on this row, so it was skipped`;
          await save(row, { ok: false, failure: { id: job.inputs[row].id, line: job.inputs[row].line, errors: [{ level: 'error', code: 'scoring-failed', message, line: job.inputs[row].line, id: job.inputs[row].id }] } });
          this.set({ ...count(), notices: [...this.status.notices, `The scorer worker crashed again on ${where} and was restarted; that row is marked failed and scoring goes on.`] });
        } else {
          this.set({ notices: [...this.status.notices, `The scorer worker crashed while scoring ${where} and was restarted; scoring resumes from that row (${saved.size} of ${job.inputs.length} rows were already saved).`] });
        }
      }
    }
  }

  // Only a job still in the store is updated: a deleted one stays deleted (not re-created with part of its rows).
  private async finish(job: ScoringJob, state: 'finished' | 'cancelled'): Promise<RunStatus> {
    const there = await this.store.updateJob({ ...job, state, updatedAt: new Date().toISOString() });
    this.set({ phase: there ? state : 'deleted', load: null, etaMs: null });
    return this.status;
  }

  private async fail(job: ScoringJob, e: unknown): Promise<RunStatus> {
    // The job stays 'running' in the store: it is unfinished and can be resumed once the cause is fixed.
    const there = await this.store.updateJob({ ...job, state: 'running', updatedAt: new Date().toISOString() }).catch(() => true);
    this.set({ phase: there ? 'failed' : 'deleted', load: null, etaMs: null, error: there ? (e instanceof Error ? e.message : String(e)) : null });
    return this.status;
  }
}
