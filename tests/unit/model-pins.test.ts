// Pinning the registry's models: the registry reads each repo's commit and file sizes from
// model-pins.json, and `npm run pin-models` writes that file from the hub's API. Here the API is the
// local hub stand-in serving the fixture models under the registry's repo ids.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  files: Object.fromEntries(files.map((f, i) => [f, { size: 1000 * (i + 1), sha256: null, gitBlobId: 'b'.repeat(40) }])),
});

describe('the registry reads its pins', () => {
  it('no pin: the branch main, flagged, size unknown', () => {
    expect(pinOf('Xenova/toxic-bert', 'q8', {})).toEqual({ revision: 'main', revisionPinned: false, sizeBytes: null, pinnedFiles: null });
  });
  it('a pin: its commit, and the size of the files the dtype loads', () => {
    const p = { 'Xenova/toxic-bert': pin([...modelFiles('q8'), 'onnx/model.onnx']) };
    // config 1000 + tokenizer 2000 + tokenizer_config 3000 + model_quantized 4000; model.onnx is not loaded for q8
    const pinned = pinOf('Xenova/toxic-bert', 'q8', p);
    expect(pinned).toMatchObject({ revision: SHA, revisionPinned: true, sizeBytes: 10000 });
    // What each loaded file must be, for the download check; the unloaded variant is left out.
    expect(pinned.pinnedFiles).toEqual(Object.fromEntries(modelFiles('q8').map((f) => [f, p['Xenova/toxic-bert'].files[f]])));
  });
  it('a pin missing a file: still pinned, size unknown rather than short', () => {
    const p = { 'Xenova/toxic-bert': pin(modelFiles('q8').slice(0, 3)) };
    expect(pinOf('Xenova/toxic-bert', 'q8', p)).toMatchObject({ revision: SHA, revisionPinned: true, sizeBytes: null });
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
    // Files in git are known by their blob id, LFS files (the weights) by the sha256 of their content.
    const config = path.join(dir, 'config.json');
    const byGit = execFileSync('git', ['hash-object', '--no-filters', config], { encoding: 'utf8' }).trim();
    expect(p.files['config.json']).toEqual({ size: fs.statSync(config).size, sha256: null, gitBlobId: byGit });
    const onnx = fs.readFileSync(path.join(dir, 'onnx/model_quantized.onnx'));
    expect(p.files['onnx/model_quantized.onnx']).toEqual({ size: onnx.length, sha256: createHash('sha256').update(onnx).digest('hex'), gitBlobId: null });
    // The same files give the same commit.
    expect((await pinRepo(hub.url, 'Xenova/toxic-bert', 'q8')).revision).toBe(p.revision);
  });

  it('names the repo and what was wrong: unknown repo, a missing file, no hub at all', async () => {
    await expect(pinRepo(hub.url, 'Xenova/nope', 'q8')).rejects.toThrow(/^Xenova\/nope: http:\/\/127\.0\.0\.1:\d+\/api\/models\/Xenova\/nope\/revision\/main\?blobs=true answered 404/);
    await expect(pinRepo(hub.url, NO_TOKENIZER, 'q8')).rejects.toThrow(/^personascope-fixtures\/no-tokenizer@[0-9a-f]{12}: lacks tokenizer\.json$/);
    await expect(pinRepo('http://127.0.0.1:9/', 'Xenova/toxic-bert', 'q8')).rejects.toThrow(/^Xenova\/toxic-bert: cannot reach http:\/\/127\.0\.0\.1:9\/api\/models/);
  });

  it('refuses an answer that gives a file no size or no hash: a pin must be checkable', async () => {
    const answer = {
      sha: SHA,
      siblings: [
        { rfilename: 'config.json', size: 10, blobId: 'c'.repeat(40) },
        { rfilename: 'tokenizer.json', blobId: 'd'.repeat(40) },
        { rfilename: 'tokenizer_config.json', size: 10 },
        // An LFS file's blobId is its pointer's: without lfs.sha256 the content is unknown.
        { rfilename: 'onnx/model_quantized.onnx', size: 10, blobId: 'e'.repeat(40), lfs: { size: 10 } },
      ],
    };
    const fetchFn = (async () => Response.json(answer)) as typeof fetch;
    await expect(pinRepo('http://hub.invalid/', 'o/m', 'q8', 'main', fetchFn)).rejects.toThrow(
      `o/m@${SHA.slice(0, 12)}: tokenizer.json has no size; tokenizer_config.json has no hash (neither lfs.sha256 nor blobId); onnx/model_quantized.onnx has no hash (neither lfs.sha256 nor blobId)`,
    );
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
