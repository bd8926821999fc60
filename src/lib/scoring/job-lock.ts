// One tab at a time per scoring job: the tab that scores a job holds a Web Lock named after it for
// as long as the run lasts (the browser releases it when that tab closes or crashes). Another tab
// of the same browser sees the lock held and shows the job as running there, instead of offering
// to resume it (two runners on one job) or to discard it (rows lost while the first tab goes on).
// Where the browser has no Web Locks, every job is free, as before.

/** The part of the Web Locks API (navigator.locks) used here. */
export interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

export interface JobLocks {
  /** Runs `work` holding the job's lock; `null` (and `work` not run) when another holder has it. */
  hold<T>(jobId: string, work: () => Promise<T>): Promise<T | null>;
  /** The ids of the jobs whose lock is held now, by this tab or another. */
  held(): Promise<Set<string>>;
  /** Resolves once nobody holds the job's lock. */
  whenFree(jobId: string): Promise<void>;
}

const PREFIX = 'personascope-scoring-job:';

export function webJobLocks(locks: LockManagerLike | undefined): JobLocks {
  if (!locks) {
    return { hold: (_, work) => work(), held: async () => new Set(), whenFree: async () => undefined };
  }
  return {
    hold: (jobId, work) => locks.request(PREFIX + jobId, { ifAvailable: true }, async (lock) => (lock ? work() : null)),
    async held() {
      const { held = [] } = await locks.query();
      return new Set(held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
    },
    // Granted as soon as the holder lets go, and given back at once.
    whenFree: (jobId) => locks.request(PREFIX + jobId, async () => undefined),
  };
}

/** This browser's locks (none in Node or an old browser). */
export function browserJobLocks(): JobLocks {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return webJobLocks(nav?.locks);
}

/** Why a job cannot be run or deleted here. */
export class JobRunningElsewhereError extends Error {
  constructor(label: string) {
    super(`“${label}” is being scored in another tab of this browser. Its rows show here when it stops there; it can be resumed or deleted here after that.`);
    this.name = 'JobRunningElsewhereError';
  }
}
