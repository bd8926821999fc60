// Saved jobs and their runner on the real scoring path (fixture models, onnxruntime-node): rows are
// saved one by one, a cancelled or crashed run resumes from the first unsaved row, a row that
// crashes the worker twice is recorded as failed, and the results become mine.scores' rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryJobStore, type ScoringJob } from '../../src/lib/scoring/job-store.ts';
import { JobRunner, type JobScorer } from '../../src/lib/scoring/job-runner.ts';
import { ScorerService, readBatchFile } from '../../src/lib/scoring/service.ts';
import { SCORE_COLUMNS, STATEMENT_COLUMNS, buildScoresTables, scoreRows, statementRows, toCsvText } from '../../src/lib/scoring/scores-tables.ts';
import { scoresFile, scoresFileName } from '../../src/lib/scoring/downloads.ts';
import type { ScoreInput } from '../../src/lib/scoring/types.ts';
import { ScoringWorkbench } from '../../src/lib/scoring/workbench.ts';
import type { ScorerClient } from '../../src/lib/scoring/client.ts';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import { FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';

class Crash extends Error {}

/**
 * ScorerService in the shape of the worker client. `crashes` (id → times) makes a call throw like a
 * dying worker when it reaches that row, after scoring the rows before it.
 */
function adapter(service: ScorerService, crashes: Map<string, number> = new Map()): JobScorer & { loads: number } {
  const a = {
    loads: 0,
    load: (specs: Parameters<ScorerService['load']>[0], onProgress?: Parameters<ScorerService['load']>[1]) => {
      a.loads++;
      return service.load(specs, onProgress);
    },
    score: async (items: ScoreInput[], options: Parameters<ScorerService['score']>[1], hooks: Parameters<JobScorer['score']>[2]) => {
      const at = items.findIndex((it) => (crashes.get(it.id) ?? 0) > 0);
      if (at < 0) return service.score(items, options, hooks.onProgress, hooks.onRow);
      crashes.set(items[at].id, crashes.get(items[at].id)! - 1);
      if (at > 0) await service.score(items.slice(0, at), options, hooks.onProgress, hooks.onRow);
      throw new Crash(`worker died on ${items[at].id}`);
    },
    cancel: async () => service.cancel(),
  };
  return a;
}

const persona = 'I love jazz.\nI enjoy hiking.\nI like cats.';
function makeJob(n: number): ScoringJob {
  const inputs: ScoreInput[] = Array.from({ length: n }, (_, i) => ({
    id: `r${i + 1}`,
    model: i % 2 ? 'model-b' : 'model-a',
    line: i + 2,
    persona,
    question: 'Do you like jazz?',
    response: i % 2 ? 'I do not love jazz.' : 'Yes, I really love jazz every day.',
  }));
  const now = new Date('2026-11-27T08:00:00Z').toISOString();
  return { id: 'job-1', label: 'reviews.csv', source: 'file', createdAt: now, updatedAt: now, state: 'running', inputs, inputIssues: [], options: { scorers: ['apc', 'contradictions'] }, models: {} };
}
const specs = { nli: FIXTURE_SPECS.nli, relevance: FIXTURE_SPECS.relevance };

describe('job runner on the fixture models', () => {
  let service: ScorerService;
  beforeAll(() => {
    service = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
  });
  afterAll(() => service.free());

  it('saves every row and finishes the job', async () => {
    const store = memoryJobStore();
    const runner = new JobRunner(adapter(service), store, (e) => e instanceof Crash);
    const seen: number[] = [];
    runner.onRow((_, i) => seen.push(i));
    const job = makeJob(4);
    const status = await runner.run(job, specs);
    expect(status).toMatchObject({ phase: 'finished', done: 4, failed: 0, total: 4 });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect((await store.outcomes(job.id)).size).toBe(4);
    expect((await store.listJobs())[0].state).toBe('finished');
  });

  it('resumes a cancelled job from the first unsaved row, scoring no row twice', async () => {
    const store = memoryJobStore();
    const scorer = adapter(service);
    const runner = new JobRunner(scorer, store, (e) => e instanceof Crash);
    const job = makeJob(6);
    const scored: number[] = [];
    const stop = runner.onRow((_, i) => {
      scored.push(i);
      if (scored.length === 2) void runner.cancel();
    });
    const first = await runner.run(job, specs);
    stop();
    expect(first.phase).toBe('cancelled');
    const kept = (await store.outcomes(job.id)).size;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(6);
    expect((await store.listJobs())[0].state).toBe('cancelled');

    const again: number[] = [];
    runner.onRow((_, i) => again.push(i));
    const second = await runner.run(job, specs);
    expect(second).toMatchObject({ phase: 'finished', done: 6, failed: 0 });
    expect(again).toEqual(Array.from({ length: 6 - kept }, (_, k) => kept + k));
  });

  it('restarts after a crash, and marks a row that crashes twice as failed', async () => {
    const store = memoryJobStore();
    // r3 crashes the worker once (then scores), r5 twice (then it is given up).
    const scorer = adapter(service, new Map([['r3', 1], ['r5', 2]]));
    const runner = new JobRunner(scorer, store, (e) => e instanceof Crash);
    const status = await runner.run(makeJob(6), specs);
    expect(status).toMatchObject({ phase: 'finished', done: 5, failed: 1 });
    expect(status.notices).toHaveLength(3);
    expect(status.notices[0]).toMatch(/crashed while scoring line 4 \(id r3\) and was restarted/);
    expect(status.notices[2]).toMatch(/crashed again on line 6 \(id r5\)/);
    const failed = (await store.outcomes('job-1')).get(4);
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) expect(failed.failure.errors[0].message).toMatch(/crashed 2 times on this row/);
    // Models are loaded again after every crash (a new worker has none).
    expect(scorer.loads).toBe(4);
  });

  it('a crash while the models load is no row\'s fault: loading is retried, and a second crash ends the run with a message', async () => {
    const store = memoryJobStore();
    const job = makeJob(3);
    const dying = (times: number) => {
      const a = adapter(service);
      const load = a.load;
      let left = times;
      a.load = async (...args) => {
        if (left-- > 0) throw new Crash('the scorer worker stopped');
        return load(...args);
      };
      return a;
    };
    const once = await new JobRunner(dying(1), store, (e) => e instanceof Crash).run(job, specs);
    expect(once).toMatchObject({ phase: 'finished', done: 3, failed: 0 });
    expect(once.notices).toEqual(['The scorer worker crashed while loading the models and was restarted; loading them again.']);

    const store2 = memoryJobStore();
    const twice = await new JobRunner(dying(2), store2, (e) => e instanceof Crash).run(job, specs);
    expect(twice.phase).toBe('failed');
    expect(twice.error).toMatch(/^The scorer worker crashed 2 times while loading the models \(the scorer worker stopped\)\. A browser short of memory/);
    expect(await store2.outcomes('job-1')).toEqual(new Map());
    expect((await store2.listJobs())[0].state).toBe('running');
  });

  it('a cancel while the models download ends the run as cancelled, not failed, and it resumes', async () => {
    const store = memoryJobStore();
    const downloading = adapter(service);
    let loading = false;
    let fail: (e: Error) => void = () => undefined;
    // As the worker does: cancel ends the downloads, which fails the load.
    downloading.load = () => {
      loading = true;
      return new Promise((_, reject) => (fail = reject));
    };
    downloading.cancel = async () => {
      fail(new Error('Cannot load tiny-nli from the hub: the download was cancelled'));
      return true;
    };
    const runner = new JobRunner(downloading, store, (e) => e instanceof Crash);
    const run = runner.run(makeJob(2), specs);
    await expect.poll(() => loading).toBe(true);
    await runner.cancel();
    expect(await run).toMatchObject({ phase: 'cancelled', error: null });
    const [saved] = await store.listJobs();
    expect(saved.state).toBe('cancelled');
    expect(await new JobRunner(adapter(service), store, (e) => e instanceof Crash).run(saved, specs)).toMatchObject({ phase: 'finished', done: 2 });
  });

  it('fails with the load error and leaves the job resumable', async () => {
    const store = memoryJobStore();
    const runner = new JobRunner(adapter(service), store, (e) => e instanceof Crash);
    const status = await runner.run(makeJob(2), { nli: { ...FIXTURE_SPECS.nli, repo: 'personascope-fixtures/missing' }, relevance: FIXTURE_SPECS.relevance });
    expect(status.phase).toBe('failed');
    expect(status.error).toMatch(/personascope-fixtures\/missing/);
    expect((await store.listJobs())[0].state).toBe('running');
  });
});

describe('mine.scores rows and downloads', () => {
  let service: ScorerService;
  beforeAll(() => {
    service = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
  });
  afterAll(() => service.free());

  it('has one row per item and one per item × statement, failures included', async () => {
    const store = memoryJobStore();
    const job = makeJob(2);
    await new JobRunner(adapter(service), store, () => false).run(job, specs);
    const outcomes = await store.outcomes(job.id);
    outcomes.set(2, { ok: false, failure: { id: 'r3', line: 4, errors: [{ level: 'error', code: 'empty-response', message: 'line 4 (id r3): the response is empty', line: 4, id: 'r3' }] } });
    const jobWithThird = { ...job, inputs: [...job.inputs, { ...job.inputs[0], id: 'r3', line: 4 }] };
    const rows = scoreRows({ job: jobWithThird, outcomes });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['r1', 'scored'],
      ['r2', 'scored'],
      ['r3', 'failed'],
    ]);
    expect(rows[2].error).toMatch(/response is empty/);
    expect(rows[1].contradictions).toBe(1);
    const statements = statementRows({ job: jobWithThird, outcomes });
    expect(statements).toHaveLength(6);
    const negated = statements.find((s) => s.id === 'r2' && s.statement === 'I love jazz.')!;
    expect(negated.contradiction_probability as number).toBeGreaterThan(0.5);
    expect((negated.apc_contribution as number) + (negated.apc_cost as number)).toBeCloseTo(1, 10);
    // Every statement keeps its contradiction probability, not only those over the threshold.
    expect(statements.every((s) => typeof s.contradiction_probability === 'number')).toBe(true);

    const csv = toCsvText(rows, SCORE_COLUMNS).trim().split('\n');
    expect(csv[0]).toBe(SCORE_COLUMNS.join(','));
    expect(csv).toHaveLength(4);
    expect(toCsvText(statements, STATEMENT_COLUMNS).trim().split('\n')).toHaveLength(7);

    const json = JSON.parse(await (await scoresFile({ job: jobWithThird, outcomes }, 'json')).blob.text());
    expect(json.rows).toHaveLength(3);
    expect(json.rows[0].score.apc.statements).toHaveLength(3);
    expect(json.notes.apc).toMatch(/DeBERTa-v3-large/);
    const parquet = new Uint8Array(await (await scoresFile({ job: jobWithThird, outcomes }, 'parquet')).blob.arrayBuffer());
    expect(new TextDecoder().decode(parquet.subarray(0, 4))).toBe('PAR1');
    expect(scoresFileName(job, 'csv')).toBe('personascope-scores_reviews.csv_2026-11-27.csv');
  });

  it('the CSV download keeps a spreadsheet from running text as a formula; mine.scores keeps the text exact', async () => {
    const store = memoryJobStore();
    const job = makeJob(1);
    job.inputs[0] = { ...job.inputs[0], id: '=HYPERLINK("http://x","y")', question: '-Do you like jazz?', model: '@bot' };
    await new JobRunner(adapter(service), store, () => false).run(job, specs);
    const outcomes = await store.outcomes(job.id);
    const [header, line] = (await (await scoresFile({ job, outcomes }, 'csv')).blob.text()).trim().split('\n');
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const at = (name: string) => cells[header.split(',').indexOf(name)];
    expect(at('id')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(at('question')).toBe("'-Do you like jazz?");
    expect(at('model')).toBe("'@bot");
    // Numbers are numbers, negative or not; and the table read back as data has the text as given.
    expect(Number(at('apc'))).toBeGreaterThan(0);
    expect(toCsvText(scoreRows({ job, outcomes }), SCORE_COLUMNS)).toContain(',-Do you like jazz?,');
  });

  it('builds both tables from every saved job, oldest job first', async () => {
    const store = memoryJobStore();
    const older = makeJob(2);
    const newer = { ...makeJob(1), id: 'job-2', label: 'later.csv', createdAt: '2026-11-27T09:00:00Z' };
    for (const job of [newer, older]) await new JobRunner(adapter(service), store, () => false).run(job, specs);
    const tables = await buildScoresTables(store);
    expect(tables.counts).toEqual({ scores: 3, statements: 9 });
    const scores = (await tables.scores.text()).trim().split('\n');
    expect(scores[0]).toBe(SCORE_COLUMNS.join(','));
    expect(scores.slice(1).map((l) => l.split(',')[0])).toEqual(['job-1', 'job-1', 'job-2']);
    expect((await tables.statements.text()).trim().split('\n')).toHaveLength(10);
  });
});

describe('batch files', () => {
  const file = (text: string | Uint8Array<ArrayBuffer>) => new Blob([text]);

  it('names an empty file', async () => {
    const r = await readBatchFile(file(''), 'empty.csv');
    expect(r.inputs).toEqual([]);
    expect(r.issues[0].message).toBe('empty.csv is empty (0 bytes)');
  });

  it('asks for a mapping when names differ, then scores with it', async () => {
    const text = 'who,prompt,answer,agent\nI love jazz.,Do you like jazz?,Yes.,m1\n';
    const first = await readBatchFile(file(text), 'x.csv');
    expect(first.missing).toEqual(['persona', 'question', 'response']);
    expect(first.issues[0].message).toMatch(/no persona, question, response columns \(columns found: who, prompt, answer, agent\)/);
    const mapped = await readBatchFile(file(text), 'x.csv', { persona: 'who', question: 'prompt', response: 'answer', id: null, model: 'agent', statements: null });
    expect(mapped.missing).toEqual([]);
    expect(mapped.inputs).toMatchObject([{ id: 'row-2', model: 'm1', persona: 'I love jazz.', line: 2 }]);
  });

  it('names the rows it cannot score and keeps the rest', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('persona,question,response\nA.,q?,fine\nB.,q?,'), 0xff, 0xfe, ...new TextEncoder().encode('\nC.,q?,\n')]);
    const r = await readBatchFile(file(bytes), 'x.csv');
    expect(r.inputs.map((i) => i.line)).toEqual([2]);
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'not-utf8'],
      [4, 'empty-response'],
    ]);
  });
});

describe('resuming a job', () => {
  it('uses the model revisions and dtypes the job started with, even after the site re-pinned them', () => {
    const bench = new ScoringWorkbench(null as unknown as ScorerClient, memoryJobStore(), async () => null);
    const nli = MODELS['nli-deberta-v3-xsmall'];
    const job = makeJob(1);
    const old = 'a'.repeat(40);
    job.models = {
      nli: { key: 'nli-deberta-v3-xsmall', repo: nli.repo, revision: nli.revision, dtype: nli.dtype },
      toxicity: { key: 'renamed-since', repo: MODELS['toxic-bert'].repo, revision: old, dtype: 'fp32' },
    };
    const specs = bench.specsOf(job);
    // Unchanged: the registry's spec itself, pins included.
    expect(specs.nli).toBe(nli);
    // Changed since (and the key renamed): found by repo, with the job's revision and dtype and no pins of another revision.
    expect(specs.toxicity).toMatchObject({ repo: MODELS['toxic-bert'].repo, revision: old, revisionPinned: true, dtype: 'fp32', pinnedFiles: null, sizeBytes: null, labels: MODELS['toxic-bert'].labels });
  });
});

describe('publishing mine.scores', () => {
  it('one publish at a time, in call order: a slow earlier build cannot put back what a later one removed', async () => {
    const puts: string[] = [];
    let calls = 0;
    const build = async () => {
      const n = ++calls;
      // The first build is the slowest.
      await new Promise((r) => setTimeout(r, n === 1 ? 30 : 1));
      const csv = new Blob([`build ${n}`]);
      return { scores: csv, statements: csv, counts: { scores: n, statements: n } };
    };
    const publisher = { put: async (name: string, file: Blob) => void puts.push(`${name}: ${await file.text()}`) };
    const bench = new ScoringWorkbench(null as unknown as ScorerClient, memoryJobStore(), async () => publisher, build);
    const [first, second] = await Promise.all([bench.publish(), bench.publish()]);
    expect([first.scores, second.scores]).toEqual([1, 2]);
    expect(puts).toEqual(['scores: build 1', 'score_statements: build 1', 'scores: build 2', 'score_statements: build 2']);
  });
});
