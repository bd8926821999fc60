// Pinning the registry's models: the registry reads each repo's commit and file sizes from
// model-pins.json, and `npm run pin-models` writes that file from the hub's API. Here the API is the
// local hub stand-in serving the fixture models under the registry's repo ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, pinAll, pinRepo, registryRepos } from '../../scripts/pin-models.ts';
import type { HubServer } from '../../scripts/hub-server.ts';
import { modelFiles } from '../../src/lib/scoring/model-files.ts';
import { COMMIT_HASH, MODEL_PINS, pinOf, type ModelPin } from '../../src/lib/scoring/model-pins.ts';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import { fixtureModel, serveFixtureHub, STAND_INS } from '../fixtures/models/stand-ins.ts';

const SHA = 'a'.repeat(40);
const pin = (files: string[], revision = SHA): ModelPin => ({
  revision,
  checkedAt: '2026-11-27',
  files: Object.fromEntries(files.map((f, i) => [f, { size: 1000 * (i + 1), sha256: null }])),
});

describe('the registry reads its pins', () => {
  it('no pin: the branch main, flagged, size unknown', () => {
    expect(pinOf('Xenova/toxic-bert', 'q8', {})).toEqual({ revision: 'main', revisionPinned: false, sizeBytes: null });
  });
  it('a pin: its commit, and the size of the files the dtype loads', () => {
    const p = { 'Xenova/toxic-bert': pin([...modelFiles('q8'), 'onnx/model.onnx']) };
    // config 1000 + tokenizer 2000 + tokenizer_config 3000 + model_quantized 4000; model.onnx is not loaded for q8
    expect(pinOf('Xenova/toxic-bert', 'q8', p)).toEqual({ revision: SHA, revisionPinned: true, sizeBytes: 10000 });
  });
  it('a pin missing a file: still pinned, size unknown rather than short', () => {
    const p = { 'Xenova/toxic-bert': pin(modelFiles('q8').slice(0, 3)) };
    expect(pinOf('Xenova/toxic-bert', 'q8', p)).toEqual({ revision: SHA, revisionPinned: true, sizeBytes: null });
  });
  it('a pin whose revision is not a commit hash is ignored', () => {
    expect(pinOf('Xenova/toxic-bert', 'q8', { 'Xenova/toxic-bert': pin(modelFiles('q8'), 'main') }).revisionPinned).toBe(false);
  });
  it('the committed pins are well formed and belong to registry repos', () => {
    const repos = new Set(registryRepos().map((r) => r.repo));
    for (const [repo, p] of Object.entries(MODEL_PINS)) {
      expect(repos.has(repo), repo).toBe(true);
      expect(p.revision).toMatch(COMMIT_HASH);
    }
    for (const spec of Object.values(MODELS)) expect(spec.revisionPinned).toBe(spec.repo in MODEL_PINS);
  });
});

describe('npm run pin-models', () => {
  let hub: HubServer;
  let root: string;
  const NO_TOKENIZER = 'personascope-fixtures/no-tokenizer';
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pins-'));
    const broken = path.join(root, 'no-tokenizer');
    fs.cpSync(fixtureModel('tiny-toxicity'), broken, { recursive: true });
    fs.rmSync(path.join(broken, 'tokenizer.json'));
    hub = await serveFixtureHub({ [NO_TOKENIZER]: broken });
  });
  afterAll(async () => {
    await hub.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('pins a repo to the commit the API reports, with each loaded file’s size and LFS hash', async () => {
    const p = await pinRepo(hub.url, 'Xenova/toxic-bert', 'q8');
    expect(p.revision).toMatch(COMMIT_HASH);
    expect(Object.keys(p.files)).toEqual(modelFiles('q8'));
    const dir = fixtureModel(STAND_INS['Xenova/toxic-bert']);
    expect(p.files['config.json']).toEqual({ size: fs.statSync(path.join(dir, 'config.json')).size, sha256: null });
    expect(p.files['onnx/model_quantized.onnx'].size).toBe(fs.statSync(path.join(dir, 'onnx/model_quantized.onnx')).size);
    expect(p.files['onnx/model_quantized.onnx'].sha256).toMatch(/^[0-9a-f]{64}$/);
    // The same files give the same commit.
    expect((await pinRepo(hub.url, 'Xenova/toxic-bert', 'q8')).revision).toBe(p.revision);
  });

  it('names the repo and what was wrong: unknown repo, a missing file, no hub at all', async () => {
    await expect(pinRepo(hub.url, 'Xenova/nope', 'q8')).rejects.toThrow(/^Xenova\/nope: http:\/\/127\.0\.0\.1:\d+\/api\/models\/Xenova\/nope\/revision\/main\?blobs=true answered 404/);
    await expect(pinRepo(hub.url, NO_TOKENIZER, 'q8')).rejects.toThrow(/^personascope-fixtures\/no-tokenizer@[0-9a-f]{12}: lacks tokenizer\.json/);
    await expect(pinRepo('http://127.0.0.1:9/', 'Xenova/toxic-bert', 'q8')).rejects.toThrow(/^Xenova\/toxic-bert: cannot reach http:\/\/127\.0\.0\.1:9\/api\/models/);
  });

  it('a failed repo keeps its previous pin', async () => {
    const previous = { [NO_TOKENIZER]: pin(modelFiles('q8')) };
    const { pins, failures } = await pinAll(hub.url, previous, { repos: [{ repo: NO_TOKENIZER, dtype: 'q8' }, { repo: 'Xenova/toxic-bert', dtype: 'q8' }] });
    expect(pins[NO_TOKENIZER]).toEqual(previous[NO_TOKENIZER]);
    expect(pins['Xenova/toxic-bert'].revision).toMatch(COMMIT_HASH);
    expect(failures).toEqual([expect.stringMatching(/lacks tokenizer\.json/)]);
  });

  it('the command writes the pins file and exits 1 when a registry repo could not be pinned', async () => {
    const out = path.join(root, 'pins.json');
    const code = await main(['--hub', hub.url, '--out', out]);
    // Four registry repos have stand-ins; the lighter NLI model has none.
    expect(code).toBe(1);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as { about: string; pins: Record<string, ModelPin> };
    expect(written.about).toMatch(/npm run pin-models/);
    expect(Object.keys(written.pins).sort()).toEqual(Object.keys(STAND_INS).sort());
    expect(await main(['--hub'])).toBe(2);
  });
});
