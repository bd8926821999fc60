// Where scoring jobs are kept between visits: the inputs of each batch as soon as it starts, and
// each row's outcome the moment it is scored, so a reload or a crash loses nothing already done.
// IndexedDB in the browser; the memory store serves Node tests.
import { idbCommitted, idbRequest, lazyDatabase } from '../idb.ts';
import type { ModelDtype, RowIssue, RowOutcome, ScoreInput, ScoreOptions, ScoringRole } from './types.ts';

export type JobSource = 'paste' | 'file' | 'personagym';

/** running: was being scored when last seen (a reload interrupted it); the rest are final. */
export type JobState = 'running' | 'cancelled' | 'finished';

export interface ScoringJob {
  id: string;
  /** What the user would call it: "pasted persona", the file name, "PersonaGym persona 12". */
  label: string;
  source: JobSource;
  createdAt: string;
  updatedAt: string;
  state: JobState;
  inputs: ScoreInput[];
  /** Problems found before scoring (rows skipped, warnings), each naming its row. */
  inputIssues: RowIssue[];
  options: ScoreOptions;
  /** The models the job is scored with, so a resume uses the same ones. */
  models: Partial<Record<ScoringRole, { key: string; repo: string; revision: string; dtype: ModelDtype }>>;
}

export interface StoredOutcome {
  jobId: string;
  index: number;
  outcome: RowOutcome;
}

export interface JobStore {
  /** Every job, newest first. */
  listJobs(): Promise<ScoringJob[]>;
  putJob(job: ScoringJob): Promise<void>;
  /** Saves a job that is still there; false (and nothing written) when it was deleted meanwhile. */
  updateJob(job: ScoringJob): Promise<boolean>;
  /** Saves one row's outcome (index into job.inputs); false (and nothing written) when the job was deleted. */
  putOutcome(jobId: string, index: number, outcome: RowOutcome): Promise<boolean>;
  /** A job's saved outcomes by input index. */
  outcomes(jobId: string): Promise<Map<number, RowOutcome>>;
  /** Removes the job and its outcomes. */
  deleteJob(jobId: string): Promise<void>;
}

const newestFirst = (a: ScoringJob, b: ScoringJob) => b.createdAt.localeCompare(a.createdAt);

export function memoryJobStore(): JobStore {
  const jobs = new Map<string, ScoringJob>();
  const outcomes = new Map<string, Map<number, RowOutcome>>();
  // structuredClone: what comes back is a copy, as from IndexedDB, never the caller's object.
  return {
    listJobs: async () => [...jobs.values()].map((j) => structuredClone(j)).sort(newestFirst),
    putJob: async (job) => void jobs.set(job.id, structuredClone(job)),
    async updateJob(job) {
      if (!jobs.has(job.id)) return false;
      jobs.set(job.id, structuredClone(job));
      return true;
    },
    async putOutcome(jobId, index, outcome) {
      if (!jobs.has(jobId)) return false;
      let m = outcomes.get(jobId);
      if (!m) outcomes.set(jobId, (m = new Map()));
      m.set(index, structuredClone(outcome));
      return true;
    },
    outcomes: async (jobId) => new Map([...(outcomes.get(jobId) ?? new Map<number, RowOutcome>())].map(([i, o]) => [i, structuredClone(o)])),
    async deleteJob(jobId) {
      jobs.delete(jobId);
      outcomes.delete(jobId);
    },
  };
}

const DB_NAME = 'personascope-scoring';
const JOBS = 'jobs';
const OUTCOMES = 'outcomes';

/**
 * Writes in the same transaction that finds the job, so a delete (another tab's) lands either
 * before (nothing written) or after (the write deleted with the rest), never in between.
 */
async function ifJobThere(tx: IDBTransaction, jobId: string, write: () => void): Promise<boolean> {
  const there = (await idbRequest(tx.objectStore(JOBS).count(jobId))) > 0;
  if (there) write();
  await idbCommitted(tx);
  return there;
}

export function indexedDbJobStore(): JobStore {
  const open = lazyDatabase(DB_NAME, 1, (db) => {
    db.createObjectStore(JOBS, { keyPath: 'id' });
    db.createObjectStore(OUTCOMES, { keyPath: ['jobId', 'index'] });
  });
  const range = (jobId: string) => IDBKeyRange.bound([jobId, -Infinity], [jobId, Infinity]);
  return {
    async listJobs() {
      const db = await open();
      return ((await idbRequest(db.transaction(JOBS).objectStore(JOBS).getAll())) as ScoringJob[]).sort(newestFirst);
    },
    async putJob(job) {
      const tx = (await open()).transaction(JOBS, 'readwrite');
      tx.objectStore(JOBS).put(job);
      await idbCommitted(tx);
    },
    async updateJob(job) {
      const tx = (await open()).transaction(JOBS, 'readwrite');
      return ifJobThere(tx, job.id, () => tx.objectStore(JOBS).put(job));
    },
    async putOutcome(jobId, index, outcome) {
      const tx = (await open()).transaction([JOBS, OUTCOMES], 'readwrite');
      return ifJobThere(tx, jobId, () => tx.objectStore(OUTCOMES).put({ jobId, index, outcome } satisfies StoredOutcome));
    },
    async outcomes(jobId) {
      const db = await open();
      const all = (await idbRequest(db.transaction(OUTCOMES).objectStore(OUTCOMES).getAll(range(jobId)))) as StoredOutcome[];
      return new Map(all.map((o) => [o.index, o.outcome]));
    },
    async deleteJob(jobId) {
      const tx = (await open()).transaction([JOBS, OUTCOMES], 'readwrite');
      tx.objectStore(JOBS).delete(jobId);
      tx.objectStore(OUTCOMES).delete(range(jobId));
      await idbCommitted(tx);
    },
  };
}
