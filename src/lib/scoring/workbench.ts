// What the Score page talks to: saved jobs (IndexedDB), the runner on the scorer worker, where
// models come from, and the results published as mine.scores / mine.score_statements. One per page
// session; the view never reaches the worker or DuckDB past this.
import { getScorer, WorkerCrashedError, type ScorerClient } from './client.ts';
import { browserJobLocks, JobRunningElsewhereError, type JobLocks } from './job-lock.ts';
import { indexedDbJobStore, type JobSource, type JobStore, type ScoringJob } from './job-store.ts';
import { JobRunner } from './job-runner.ts';
import type { PickedFolder } from './picked-folder.ts';
import { COMMIT_HASH, unpinned } from './model-pins.ts';
import { MODELS, sameModel, type ModelKey } from './registry.ts';
import { modelsFor, type ScorerSettings } from './scorer-settings.ts';
import { buildScoresTables, SCORES_TABLE, STATEMENTS_TABLE, type ScoresTableFiles } from './scores-tables.ts';
import { buildScoresTablesInWorker } from './scores-tables-client.ts';
import type { ModelSource } from './runtime.ts';
import type { ModelSpec, RowIssue, RowOutcome, ScoreInput, ScoringRole } from './types.ts';

/** Where results tables go (the user-data service of the db layer). */
export interface TablePublisher {
  put(name: string, file: Blob, fileName: string): Promise<unknown>;
}

export interface NewJob {
  label: string;
  source: JobSource;
  inputs: ScoreInput[];
  inputIssues: RowIssue[];
  settings: ScorerSettings;
}

export class ScoringWorkbench {
  readonly runner: JobRunner;

  constructor(
    readonly client: ScorerClient,
    private readonly store: JobStore,
    private readonly publisher: () => Promise<TablePublisher | null>,
    /** Builds the tables from the saved jobs (the page: in a worker; tests: here). */
    private readonly buildTables: () => Promise<ScoresTableFiles> = () => buildScoresTables(store),
    private readonly locks: JobLocks = browserJobLocks(),
  ) {
    this.runner = new JobRunner(client, store, (e) => e instanceof WorkerCrashedError, undefined, locks);
  }

  /** Point the worker at the hub, a mirror or a picked folder, with this many threads. */
  applySettings(settings: Pick<ScorerSettings, 'source' | 'mirrorUrl'>, folder: PickedFolder | null, threads: number): Promise<void> {
    let source: ModelSource = { kind: 'hub' };
    if (settings.source === 'mirror') source = { kind: 'mirror', baseUrl: settings.mirrorUrl.trim() };
    if (settings.source === 'folder' && folder) source = { kind: 'files', files: folder.files, folderName: folder.folderName };
    return this.client.configure({ source, wasmThreads: threads });
  }

  /** Saves a new job (inputs first, so nothing typed is lost even if scoring never starts). */
  async create(job: NewJob): Promise<ScoringJob> {
    const now = new Date().toISOString();
    const models: ScoringJob['models'] = {};
    for (const { key, spec } of modelsFor(job.settings)) models[spec.role] = { key, repo: spec.repo, revision: spec.revision, dtype: spec.dtype };
    const saved: ScoringJob = {
      id: `job-${now.replace(/\D/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 8)}`,
      label: job.label,
      source: job.source,
      createdAt: now,
      updatedAt: now,
      state: 'running',
      inputs: job.inputs,
      inputIssues: job.inputIssues,
      options: { scorers: [...job.settings.scorers], contradictionThreshold: job.settings.contradictionThreshold },
      models,
    };
    await this.store.putJob(saved);
    return saved;
  }

  /**
   * The model specs a job was created with: a resume scores the rest of the rows with the same
   * revision and dtype even if the site has pinned the model anew since, so one batch never mixes
   * two versions of a model. The pinned file hashes only hold for the registry's own revision.
   */
  specsOf(job: ScoringJob): Partial<Record<ScoringRole, ModelSpec>> {
    const out: Partial<Record<ScoringRole, ModelSpec>> = {};
    for (const [role, m] of Object.entries(job.models) as [ScoringRole, NonNullable<ScoringJob['models'][ScoringRole]>][]) {
      const spec = MODELS[m.key as ModelKey] ?? Object.values(MODELS).find((s) => s.role === role && s.repo === m.repo);
      if (!spec) continue;
      out[role] = sameModel(spec, m) ? spec : { ...spec, repo: m.repo, dtype: m.dtype, ...unpinned(m.revision), revisionPinned: COMMIT_HASH.test(m.revision) };
    }
    return out;
  }

  /** Score what is left of a job, then publish the tables. Resolves when the run stops. */
  async run(job: ScoringJob): Promise<void> {
    await this.runner.run(job, this.specsOf(job));
  }

  jobs(): Promise<ScoringJob[]> {
    return this.store.listJobs();
  }

  outcomes(jobId: string): Promise<Map<number, RowOutcome>> {
    return this.store.outcomes(jobId);
  }

  /** Deletes a job and its rows; refused (JobRunningElsewhereError) while a tab is scoring it. */
  async deleteJob(job: Pick<ScoringJob, 'id' | 'label'>): Promise<void> {
    const done = await this.locks.hold(job.id, async () => (await this.store.deleteJob(job.id), true));
    if (done === null) throw new JobRunningElsewhereError(job.label);
  }

  /** Jobs another tab of this browser is scoring now (this tab's own run left out). */
  async runningElsewhere(): Promise<Set<string>> {
    const held = await this.locks.held();
    if (this.runner.running && this.runner.status.jobId) held.delete(this.runner.status.jobId);
    return held;
  }

  /** Resolves when no tab is scoring the job any more (it finished, was cancelled or its tab closed). */
  whenNotRunning(jobId: string): Promise<void> {
    return this.locks.whenFree(jobId);
  }

  /** Every saved job's rows → mine.scores and mine.score_statements. Returns the row counts. */
  publish(): Promise<{ scores: number; statements: number }> {
    // One at a time, in call order: an earlier build finishing last would put back deleted rows.
    const next = this.publishing.then(() => this.publishNow());
    this.publishing = next.catch(() => undefined);
    return next;
  }

  private publishing: Promise<unknown> = Promise.resolve();

  private async publishNow(): Promise<{ scores: number; statements: number }> {
    const publisher = await this.publisher();
    const tables = await this.buildTables();
    if (publisher) {
      await publisher.put(SCORES_TABLE, tables.scores, 'scores.csv');
      await publisher.put(STATEMENTS_TABLE, tables.statements, 'score_statements.csv');
    }
    return tables.counts;
  }
}

let shared: ScoringWorkbench | null = null;

/** The page's workbench: the shared scorer worker, jobs in IndexedDB, tables through `publisher`. */
export function getWorkbench(publisher: () => Promise<TablePublisher | null>): ScoringWorkbench {
  shared ??= new ScoringWorkbench(getScorer(), indexedDbJobStore(), publisher, buildScoresTablesInWorker);
  return shared;
}
