// One runner per job across tabs: a job whose lock another tab holds is neither run nor deleted
// here, and a job deleted while it runs (a tab without Web Locks) is not written back by the run.
import { describe, expect, it } from 'vitest';
import { JobRunningElsewhereError, webJobLocks, type LockManagerLike } from '../../src/lib/scoring/job-lock.ts';
import { memoryJobStore, type ScoringJob } from '../../src/lib/scoring/job-store.ts';
import { JobRunner, type JobScorer } from '../../src/lib/scoring/job-runner.ts';
import type { ScorerClient } from '../../src/lib/scoring/client.ts';
import type { RowOutcome, ScoreInput } from '../../src/lib/scoring/types.ts';
import { ScoringWorkbench } from '../../src/lib/scoring/workbench.ts';

/** navigator.locks for exclusive locks, enough for two "tabs" in one test. */
function fakeLockManager(): LockManagerLike {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    held.delete(name);
    waiting.get(name)?.shift()?.();
  };
  async function request<T>(name: string, a: unknown, b?: unknown): Promise<T> {
    const ifAvailable = typeof a === 'object' && (a as { ifAvailable?: boolean }).ifAvailable === true;
    const callback = (b ?? a) as (lock: unknown) => Promise<T>;
    if (held.has(name)) {
      if (ifAvailable) return callback(null);
      await new Promise<void>((r) => waiting.set(name, [...(waiting.get(name) ?? []), r]));
    }
    held.add(name);
    try {
      return await callback({ name });
    } finally {
      release(name);
    }
  }
  return { request, query: async () => ({ held: [...held].map((name) => ({ name })) }) } as LockManagerLike;
}

const failure = (id: string): RowOutcome => ({ ok: false, failure: { id, line: 1, errors: [] } });

/** Scores each row as a (placeholder) outcome; `gate` holds the first row until it resolves. */
function fakeScorer(gate: Promise<void> = Promise.resolve()): JobScorer {
  let cancelled = false;
  return {
    load: async () => [],
    async score(items: ScoreInput[], _options, hooks) {
      cancelled = false;
      await gate;
      for (const [k, item] of items.entries()) {
        if (cancelled) return { done: k, failed: 0, total: items.length, cancelled: true, elapsedMs: 0 };
        await hooks.onRow?.(failure(item.id), k);
      }
      return { done: items.length, failed: 0, total: items.length, cancelled: false, elapsedMs: 0 };
    },
    cancel: async () => (cancelled = true),
  };
}

function makeJob(n: number): ScoringJob {
  const inputs = Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, model: null, line: i + 2, persona: 'I love jazz.', question: 'Q?', response: 'Yes.' }));
  const now = '2026-11-27T08:00:00.000Z';
  return { id: 'job-1', label: 'batch300.csv', source: 'file', createdAt: now, updatedAt: now, state: 'running', inputs, inputIssues: [], options: { scorers: ['apc'] }, models: {} };
}

describe('a job scored in another tab', () => {
  it('is not run a second time, nor deleted, until that tab stops', async () => {
    const locks = webJobLocks(fakeLockManager());
    const store = memoryJobStore();
    const job = makeJob(3);
    let open: () => void = () => undefined;
    const tab1 = new JobRunner(fakeScorer(new Promise((r) => (open = r))), store, () => false, 2, locks);
    const first = tab1.run(job, {});
    await expect.poll(async () => (await locks.held()).has(job.id)).toBe(true);

    const tab2 = new ScoringWorkbench(null as unknown as ScorerClient, store, async () => null, undefined, locks);
    expect(await tab2.runningElsewhere()).toEqual(new Set([job.id]));
    await expect(new JobRunner(fakeScorer(), store, () => false, 2, locks).run(job, {})).rejects.toThrow(JobRunningElsewhereError);
    await expect(tab2.deleteJob(job)).rejects.toThrow(/“batch300\.csv” is being scored in another tab of this browser/);
    const freed = tab2.whenNotRunning(job.id);

    open();
    expect((await first).phase).toBe('finished');
    await freed;
    expect(await tab2.runningElsewhere()).toEqual(new Set());
    expect((await store.outcomes(job.id)).size).toBe(3);
    await tab2.deleteJob(job);
    expect(await store.listJobs()).toEqual([]);
  });

  it('a second run in the same tab before the first holds its lock is told a batch runs here, not in another tab', async () => {
    const locks = webJobLocks(fakeLockManager());
    const runner = new JobRunner(fakeScorer(), memoryJobStore(), () => false, 2, locks);
    const first = runner.run(makeJob(2), {});
    await expect(runner.run(makeJob(2), {})).rejects.toThrow('a batch is already running; cancel it first');
    expect((await first).phase).toBe('finished');
  });

  it('without Web Locks, every job is free, as before', async () => {
    const locks = webJobLocks(undefined);
    expect(await locks.hold('job-1', async () => 'ran')).toBe('ran');
    expect(await locks.held()).toEqual(new Set());
  });
});

describe('a job deleted while it runs', () => {
  it('stops the run and stays deleted: no partial job is written back', async () => {
    const store = memoryJobStore();
    const runner = new JobRunner(fakeScorer(), store, () => false, 2, webJobLocks(undefined));
    const job = makeJob(6);
    let seen = 0;
    runner.onRow(() => {
      if (++seen === 2) void store.deleteJob(job.id);
    });
    const status = await runner.run(job, {});
    expect(status.phase).toBe('deleted');
    expect(seen).toBe(2);
    expect(await store.listJobs()).toEqual([]);
    expect(await store.outcomes(job.id)).toEqual(new Map());
  });
});
