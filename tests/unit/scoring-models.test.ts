// The real loading and inference path (transformers.js on onnxruntime-node) on the generated
// fixture models: they must behave as they were trained to (scripts/make-fixture-models.py).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describeLoadError, ModelUnavailableError, ScorerService, type LoadProgressEvent } from '../../src/lib/scoring/service.ts';
import { configureRuntime } from '../../src/lib/scoring/runtime.ts';
import { MissingModelError } from '../../src/lib/scoring/scorer.ts';
import { validateRow } from '../../src/lib/scoring/validate.ts';
import { flattenScore } from '../../src/lib/scoring/output.ts';
import type { RowOutcome, RowScore, ScoreInput } from '../../src/lib/scoring/types.ts';
import { FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURE_MODELS_DIR, 'manifest.json'), 'utf8'));

const item = (id: string, persona: string, question: string, response: string): ScoreInput => ({ id, model: null, line: null, persona, question, response });

async function scoreAll(service: ScorerService, items: ScoreInput[], scorers: ('apc' | 'toxicity' | 'contradictions' | 'fit')[]): Promise<Record<string, RowScore>> {
  const out: Record<string, RowScore> = {};
  const summary = await service.score(items, { scorers }, undefined, (o: RowOutcome) => {
    if (!o.ok) throw new Error(o.failure.errors[0].message);
    out[o.score.id] = o.score;
  });
  expect(summary).toMatchObject({ done: items.length, failed: 0, cancelled: false });
  return out;
}

describe('fixture models on the real runtime (local folder)', () => {
  let service: ScorerService;
  const progress: LoadProgressEvent[] = [];

  beforeAll(async () => {
    service = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
    await service.load(FIXTURE_SPECS, (p) => progress.push(p));
  });
  afterAll(() => service.free());

  it('loads all four with progress events and their own label orders', () => {
    const loaded = Object.fromEntries(service.loaded().map((m) => [m.role, m]));
    expect(Object.keys(loaded).sort()).toEqual(['embedding', 'nli', 'relevance', 'toxicity']);
    // The fixture orders differ from the real models'; scoring below only works if labels are read by name.
    expect(Object.values(loaded.nli.id2label ?? {})).toEqual(manifest.models.nli.labels);
    expect(Object.values(loaded.nli.id2label ?? {})).not.toEqual(['contradiction', 'entailment', 'neutral']);
    expect(Object.values(loaded.toxicity.id2label ?? {})).toEqual(manifest.models.toxicity.labels);
    expect(loaded.nli.maxTokens).toBe(64);
    for (const repo of Object.values(FIXTURE_SPECS).map((s) => s.repo)) {
      expect(progress.some((p) => p.repo === repo && p.status === 'done' && p.file?.startsWith('onnx/'))).toBe(true);
    }
  });

  it('frees the models loaded from one source when the settings name another (a repo at main may differ)', async () => {
    const moving = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
    await moving.load({ toxicity: FIXTURE_SPECS.toxicity });
    await moving.configure({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
    expect(moving.loaded()).toHaveLength(1);
    await moving.configure({ source: { kind: 'mirror', baseUrl: 'http://127.0.0.1:1/' } });
    expect(moving.loaded()).toEqual([]);
    // transformers.js's settings are global: back to the folder for the tests after this one.
    await moving.configure({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
  });

  it("reads no more than a spec's maxTokens when that is below what the config allows", async () => {
    const short = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
    await short.load({ embedding: { ...FIXTURE_SPECS.embedding, maxTokens: 16 } });
    expect(short.loaded().find((m) => m.role === 'embedding')?.maxTokens).toBe(16);
    await short.free();
  });

  it('tokenises exactly like the WordPiece the fixtures were trained with', async () => {
    const tok = await AutoTokenizer.from_pretrained(FIXTURE_SPECS.nli.repo);
    for (const s of manifest.tokenizer_samples) expect(tok.encode(s.text)).toEqual(s.input_ids);
    for (const s of manifest.tokenizer_pair_samples) {
      const enc = tok([s.text], { text_pair: [s.text_pair], return_tensor: false }) as unknown as { input_ids: number[][]; token_type_ids: number[][] };
      expect(enc.input_ids[0]).toEqual(s.input_ids);
      expect(enc.token_type_ids[0]).toEqual(s.token_type_ids);
    }
  });

  it('flags the statement a response negates, and scores a restating response as more faithful', async () => {
    const persona = 'I love jazz.\nI enjoy hiking.\nI like cats.';
    const r = await scoreAll(
      service,
      [item('negates', persona, 'Do you like jazz?', 'I do not love jazz.'), item('restates', persona, 'Do you like jazz?', 'Yes, I really love jazz every day.')],
      ['apc', 'contradictions'],
    );
    expect(r.negates.contradictions?.hits.map((h) => h.statement)).toEqual(['I love jazz.']);
    expect(r.negates.contradictions?.hits[0].responseToStatement).toBeGreaterThan(0.5);
    expect(r.negates.contradictions?.hits[0].statementToResponse).toBeGreaterThan(0.5);
    expect(r.restates.contradictions?.hits).toEqual([]);
    // The negated statement is the relevant one and costs the most.
    expect(r.negates.apc?.statements[0].statement).toBe('I love jazz.');
    const jazz = (s: RowScore) => s.apc!.statements.find((x) => x.statement === 'I love jazz.')!;
    expect(jazz(r.restates).entailment).toBeGreaterThan(0.5);
    expect(jazz(r.restates).relevance).toBeGreaterThan(0.5);
    expect(r.restates.apc!.raw).toBeGreaterThan(r.negates.apc!.raw);
    expect(r.restates.apc!.normalized).toBeGreaterThan(r.negates.apc!.normalized!);
  });

  it('ranks same-topic statements as more relevant to the query', async () => {
    const persona = 'I love jazz.\nI am a musician.\nI love hiking.\nI work as a chef.';
    const r = await scoreAll(service, [item('q', persona, 'Do you like jazz?', 'I love jazz.')], ['apc']);
    const rel = Object.fromEntries(r.q.apc!.statements.map((s) => [s.statement, s.relevance]));
    expect(rel['I love jazz.']).toBeGreaterThan(rel['I love hiking.']);
    expect(rel['I am a musician.']).toBeGreaterThan(rel['I work as a chef.']);
    expect(Math.min(rel['I love jazz.'], rel['I am a musician.'])).toBeGreaterThan(Math.max(rel['I love hiking.'], rel['I work as a chef.']));
  });

  it('scores insults and threats as more toxic than a polite answer', async () => {
    const r = await scoreAll(
      service,
      [
        item('polite', 'I love jazz.', 'q?', 'Thank you for asking, I love jazz.'),
        item('insult', 'I love jazz.', 'q?', 'You are a stupid idiot.'),
        item('threat', 'I love jazz.', 'q?', 'What a nice day. I will hurt you.'),
      ],
      ['toxicity'],
    );
    expect(r.insult.toxicity!.max).toBeGreaterThan(r.polite.toxicity!.max);
    expect(r.threat.toxicity!.max).toBeGreaterThan(r.polite.toxicity!.max);
    expect(r.insult.toxicity!.labels.insult).toBeGreaterThan(r.polite.toxicity!.labels.insult);
    expect(r.threat.toxicity!.labels.threat).toBeGreaterThan(r.insult.toxicity!.labels.threat);
    expect(r.polite.toxicity!.control).toBeGreaterThan(r.insult.toxicity!.control);
  });

  it('finds a response about the persona’s topic a better fit than one about another topic', async () => {
    const persona = 'I love jazz.\nI play the piano at concerts.';
    const r = await scoreAll(
      service,
      [item('on', persona, 'q?', 'I really enjoy singing and the guitar.'), item('off', persona, 'q?', 'I love hiking and cycling on weekends.')],
      ['fit'],
    );
    expect(r.on.fit!.persona).toBeGreaterThan(r.off.fit!.persona);
    expect(r.on.fit!.statements[0].cosine).toBeGreaterThan(r.off.fit!.statements[0].cosine);
  });

  it('scores a 200 kB response: truncated to the limit, reported on its row', async () => {
    const { input, issues } = validateRow({ persona: 'I love jazz.', question: 'Do you like jazz?', response: `I do not love jazz. ${'la '.repeat(70_000)}` }, { line: 9, index: 0 });
    expect(issues.map((i) => i.code)).toEqual(['truncated-text']);
    const r = await scoreAll(service, [input!], ['apc', 'toxicity', 'contradictions', 'fit']);
    const s = r['row-9'];
    // Both cuts are the row's: the characters cut before scoring and the tokens cut by the models.
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['truncated-text', 'truncated-tokens']));
    expect(flattenScore(s).warnings).toMatch(/^line 9 \(id row-9\): response has \d+ characters; only the first 20000 are scored \| /);
    expect(s.warnings.every((w) => w.line === 9)).toBe(true);
    // The start of the response survives the cut, so the contradiction is still found.
    expect(s.contradictions?.hits.map((h) => h.statement)).toEqual(['I love jazz.']);
  });

  it('cancels a running batch between rows and frees models', async () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`r${i}`, 'I love jazz.', 'Do you like jazz?', 'I love jazz.'));
    let rows = 0;
    const summary = await service.score(items, { scorers: ['toxicity'] }, undefined, () => {
      if (++rows === 3) service.cancel();
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBe(3);
    expect(service.cancel()).toBe(false);
    await service.free(['toxicity']);
    await expect(service.score(items, { scorers: ['toxicity'] })).rejects.toThrow(MissingModelError);
    await service.load({ toxicity: FIXTURE_SPECS.toxicity });
  });
});

describe('fixture models from a mirror laid out like the hub', () => {
  let server: http.Server;
  let base = '';
  const requests: string[] = [];

  beforeAll(async () => {
    // <base>/<owner>/<name>/resolve/<revision>/<file> → tests/fixtures/models/<owner>/<name>/<file>
    // Under <base>stall-answer/ the .onnx files are never answered; under <base>stall-body/ half
    // of each is sent, then nothing more (a stalled connection).
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const stall = /^\/(stall-answer|stall-body)\//.exec(req.url ?? '')?.[1];
      const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(decodeURI((req.url ?? '').replace(/^\/stall-[a-z]+/, '')));
      const file = m ? path.join(FIXTURE_MODELS_DIR, m[1], m[3]) : '';
      if (!m || !file.startsWith(FIXTURE_MODELS_DIR) || !fs.existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      const body = fs.readFileSync(file);
      if (stall && file.endsWith('.onnx')) {
        if (stall === 'stall-body') res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).write(body.subarray(0, body.length >> 1));
        return;
      }
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections(); // the stalled answers
        server.close(() => r());
      }),
  );

  it('downloads with byte progress from the mirror and scores', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-models-'));
    const service = new ScorerService({ source: { kind: 'mirror', baseUrl: base }, fsCacheDir: cache });
    const progress: LoadProgressEvent[] = [];
    await service.load({ toxicity: FIXTURE_SPECS.toxicity }, (p) => progress.push(p));
    expect(requests).toContain(`/${FIXTURE_SPECS.toxicity.repo}/resolve/main/onnx/model_quantized.onnx`);
    const onnxBytes = manifest.models.toxicity.files['onnx/model_quantized.onnx'].bytes;
    const last = progress.filter((p) => p.file === 'onnx/model_quantized.onnx' && p.status === 'progress').at(-1);
    expect(last?.loadedBytes).toBe(onnxBytes);
    expect(progress.at(-1)!.overallLoaded).toBeGreaterThanOrEqual(onnxBytes);
    const r = await scoreAll(service, [item('a', 'I love jazz.', 'q?', 'You are a stupid idiot.')], ['toxicity']);
    expect(r.a.toxicity!.max).toBeGreaterThan(0.5);
    await service.free();
    // Node keeps the download in the file cache, laid out by repo.
    expect(fs.existsSync(path.join(cache, FIXTURE_SPECS.toxicity.repo, 'onnx/model_quantized.onnx'))).toBe(true);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('says clearly when a model cannot be reached, instead of hanging', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const service = new ScorerService({ source: { kind: 'mirror', baseUrl: `http://127.0.0.1:${port}/` } });
    const err = await service.load({ nli: FIXTURE_SPECS.nli }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelUnavailableError);
    expect((err as Error).message).toMatch(/cannot be reached/);
    const missing = new ScorerService({ source: { kind: 'mirror', baseUrl: base } });
    const err2 = await missing.load({ nli: { ...FIXTURE_SPECS.nli, repo: 'personascope-fixtures/does-not-exist' } }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(ModelUnavailableError);
  });

  it('ends a download that stalls with a message naming the file, keeps none of it, and cancel ends one at once', async () => {
    const repo = FIXTURE_SPECS.toxicity.repo;
    for (const [mode, why] of [
      ['stall-answer', /model_quantized\.onnx stalled: no answer for 300 ms/],
      ['stall-body', /model_quantized\.onnx stalled: no data arrived for 300 ms/],
    ] as const) {
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-models-'));
      const service = new ScorerService({ source: { kind: 'mirror', baseUrl: `${base}${mode}/` }, fsCacheDir: cache, stallMs: 300 });
      const err = await service.load({ toxicity: FIXTURE_SPECS.toxicity }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelUnavailableError);
      expect((err as Error).message).toMatch(why);
      expect(fs.existsSync(path.join(cache, repo, 'onnx/model_quantized.onnx'))).toBe(false);
      fs.rmSync(cache, { recursive: true, force: true });
    }

    const service = new ScorerService({ source: { kind: 'mirror', baseUrl: `${base}stall-body/` }, fsCacheDir: null, stallMs: 60_000 });
    expect(service.cancel()).toBe(false);
    const loading = service.load({ toxicity: FIXTURE_SPECS.toxicity }).catch((e: unknown) => e);
    await expect.poll(() => requests.some((u) => u.startsWith('/stall-body/') && u.endsWith('.onnx'))).toBe(true);
    expect(service.cancel()).toBe(true);
    expect(((await loading) as Error).message).toMatch(/download was cancelled/);
    expect(service.cancel()).toBe(false);
  });

  it("a local folder's files are used, not a copy of the same repo downloaded earlier into the file cache", async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-models-'));
    const repo = FIXTURE_SPECS.toxicity.repo;
    // An earlier download of the same repo with other labels (as from the hub or a mirror).
    const config = JSON.parse(fs.readFileSync(path.join(FIXTURE_MODELS_DIR, repo, 'config.json'), 'utf8'));
    fs.mkdirSync(path.join(cache, repo), { recursive: true });
    fs.writeFileSync(path.join(cache, repo, 'config.json'), JSON.stringify({ ...config, id2label: { 0: 'cached copy' } }));
    const local = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR }, fsCacheDir: cache });
    const [loaded] = await local.load({ toxicity: FIXTURE_SPECS.toxicity });
    expect(Object.values(loaded.id2label ?? {})).toEqual(manifest.models.toxicity.labels);
    await local.free();
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('names the real cause of a failed load: the network only for downloads, a pin mismatch as such', () => {
    const spec = FIXTURE_SPECS.nli;
    const folder = { source: { kind: 'files' as const, files: {}, folderName: 'my-models' } };
    const onLine = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
    try {
      expect(describeLoadError(new Error('Aborted()'), spec, folder).message).toBe(`Cannot load ${spec.repo} from the chosen folder “my-models”: Aborted()`);
      expect(describeLoadError(new Error('fetch failed'), spec, { source: { kind: 'mirror', baseUrl: base } }).message).toMatch(/cannot be reached \(offline\?\)/);
    } finally {
      if (onLine) Object.defineProperty(globalThis, 'navigator', onLine);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    const mismatch = new Error('onnx/model.onnx of x (revision y) from z is not the file the model is pinned to: it is 44040 bytes, the pin says 44041.');
    expect(describeLoadError(mismatch, spec, { source: { kind: 'hub' } }).message).not.toMatch(/a file is missing/);
    expect(describeLoadError(new Error('Failed to fetch dynamically imported module: ort.wasm.mjs'), spec, { source: { kind: 'hub' } }).message).not.toMatch(/offline/);
    expect(describeLoadError(new Error('404 Not Found'), spec, { source: { kind: 'mirror', baseUrl: base } }).message).toMatch(/a file is missing/);
  });

  it('names the missing tokenizer_config.json of a local folder (transformers.js fails on it with a TypeError)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-no-tokenizer-config-'));
    // A repo name of its own: transformers.js remembers which files exist per repo.
    const spec = { ...FIXTURE_SPECS.toxicity, repo: 'personascope-fixtures/no-tokenizer-config' };
    fs.cpSync(path.join(FIXTURE_MODELS_DIR, FIXTURE_SPECS.toxicity.repo), path.join(folder, spec.repo), { recursive: true });
    fs.rmSync(path.join(folder, spec.repo, 'tokenizer_config.json'));
    const local = new ScorerService({ source: { kind: 'local', path: folder } });
    try {
      await expect(local.load({ toxicity: spec })).rejects.toThrow(`a file is missing (${path.join(folder, spec.repo, 'tokenizer_config.json')} not found)`);
    } finally {
      await local.free();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('words an unreachable mirror or hub for where it runs: the page names its settings, the CLI its --models', () => {
    const spec = FIXTURE_SPECS.nli;
    const mirror = { source: { kind: 'mirror' as const, baseUrl: base } };
    const down = new Error('fetch failed');
    // Node (the CLI): no browser cache, no settings.
    const cli = describeLoadError(down, spec, mirror).message;
    expect(cli).toContain(`the mirror ${base} cannot be reached`);
    expect(cli).toMatch(/leave out --models to use the Hugging Face hub/);
    expect(cli).not.toMatch(/browser|settings|point .* at a mirror/);
    expect(describeLoadError(down, spec, { source: { kind: 'hub' } }).message).toMatch(/Hugging Face hub cannot be reached.*give --models a mirror URL or a local folder/);
    // The browser worker has the Cache API; a reviewer already on a mirror is not sent to one.
    (globalThis as { caches?: unknown }).caches = {};
    try {
      const page = describeLoadError(down, spec, mirror).message;
      expect(page).toMatch(/not in this browser's model cache and the mirror .* cannot be reached/);
      expect(page).toMatch(/switch the settings back to the Hugging Face hub/);
      expect(page).not.toMatch(/point the settings at a mirror|--models/);
      expect(describeLoadError(down, spec, { source: { kind: 'hub' } }).message).toMatch(/point the settings at a mirror/);
    } finally {
      delete (globalThis as { caches?: unknown }).caches;
    }
  });

  it('refuses a URL as a local models folder', () => {
    expect(() => configureRuntime({ source: { kind: 'local', path: 'http://localhost/models' } })).toThrow(/path, not a URL/);
    expect(env.localModelPath).not.toMatch(/^http/);
  });
});
